import type { CliCommand } from '../command';

/** `portodesk` subcommands of the labels capability. */
export const labelsCommands: CliCommand[] = [];
