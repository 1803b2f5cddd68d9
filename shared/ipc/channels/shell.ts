import type { ChannelDef } from '../define';
import type { z } from 'zod';

/** Channels of the shell capability. */
export const shellChannels = {} satisfies Record<string, ChannelDef>;

/** Main → renderer events of the shell capability. */
export const shellEvents = {} satisfies Record<string, z.ZodType>;
