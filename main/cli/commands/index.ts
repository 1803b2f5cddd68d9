import type { CliCommand } from '../command';
import { foundationCommands } from './foundation';
import { ordersCommands } from './orders';
import { documentsCommands } from './documents';
import { labelsCommands } from './labels';
import { frankingCommands } from './franking';
import { billingCommands } from './billing';
import { exportsCommands } from './exports';
import { shellCommands } from './shell';

export const allCommands: CliCommand[] = [
  ...foundationCommands,
  ...ordersCommands,
  ...documentsCommands,
  ...labelsCommands,
  ...frankingCommands,
  ...billingCommands,
  ...exportsCommands,
  ...shellCommands,
];
