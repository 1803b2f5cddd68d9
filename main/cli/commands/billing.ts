import type { CliCommand } from '../command';

/** `portodesk` subcommands of the billing capability. */
export const billingCommands: CliCommand[] = [];
