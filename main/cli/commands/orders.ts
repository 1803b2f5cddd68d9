import type { CliCommand } from '../command';

/** `portodesk` subcommands of the orders capability. */
export const ordersCommands: CliCommand[] = [];
