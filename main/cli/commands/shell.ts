import type { CliCommand } from '../command';

/** `portodesk` subcommands of the shell capability. */
export const shellCommands: CliCommand[] = [];
