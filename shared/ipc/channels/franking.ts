import type { ChannelDef } from '../define';
import type { z } from 'zod';

/** Channels of the franking capability. */
export const frankingChannels = {} satisfies Record<string, ChannelDef>;

/** Main → renderer events of the franking capability. */
export const frankingEvents = {} satisfies Record<string, z.ZodType>;
