import type { ParseArgsConfig } from 'node:util';
import type { PortodeskApp } from '../app/compose';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;
export type CliContext = {
  app: PortodeskApp;
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  json: boolean;
  /** Prints a result: JSON with --json, otherwise the text form. */
  print(value: unknown, text?: string | (() => string)): void;
  env: NodeJS.ProcessEnv;
};

/** One `portodesk <words…>` subcommand. */
export type CliCommand = {
  /** Words after `portodesk`, e.g. "orders list". */
  name: string;
  summary: string;
  /** Shown in help, e.g. "ID... [--tracking T]". */
  usage?: string;
  options?: CliOptions;
  /** Exit code; default 0. */
  run(ctx: CliContext): Promise<number | void> | number | void;
};

/** Thrown for wrong usage; printed with the command's usage line, exit code 2. */
export class UsageError extends Error {}
