import type { ChannelDef } from '../define';
import type { z } from 'zod';

/** Channels of the labels capability. */
export const labelsChannels = {} satisfies Record<string, ChannelDef>;

/** Main → renderer events of the labels capability. */
export const labelsEvents = {} satisfies Record<string, z.ZodType>;
