import type { ChannelDef } from '../define';
import type { z } from 'zod';

/** Channels of the billing capability. */
export const billingChannels = {} satisfies Record<string, ChannelDef>;

/** Main → renderer events of the billing capability. */
export const billingEvents = {} satisfies Record<string, z.ZodType>;
