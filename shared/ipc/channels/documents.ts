import type { ChannelDef } from '../define';
import type { z } from 'zod';

/** Channels of the documents capability. */
export const documentsChannels = {} satisfies Record<string, ChannelDef>;

/** Main → renderer events of the documents capability. */
export const documentsEvents = {} satisfies Record<string, z.ZodType>;
