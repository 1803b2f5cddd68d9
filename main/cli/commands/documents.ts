import type { CliCommand } from '../command';

/** `portodesk` subcommands of the documents capability. */
export const documentsCommands: CliCommand[] = [];
