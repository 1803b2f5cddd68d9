import type { CliCommand } from '../command';

/** `portodesk` subcommands of the franking capability. */
export const frankingCommands: CliCommand[] = [];
