import type { CliCommand } from '../command';

/** `portodesk` subcommands of the exports capability. */
export const exportsCommands: CliCommand[] = [];
