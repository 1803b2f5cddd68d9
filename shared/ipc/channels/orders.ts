import type { ChannelDef } from '../define';
import type { z } from 'zod';

/** Channels of the orders capability. */
export const ordersChannels = {} satisfies Record<string, ChannelDef>;

/** Main → renderer events of the orders capability. */
export const ordersEvents = {} satisfies Record<string, z.ZodType>;
