import type { ChannelDef } from '../define';
import type { z } from 'zod';

/** Channels of the exports capability. */
export const exportsChannels = {} satisfies Record<string, ChannelDef>;

/** Main → renderer events of the exports capability. */
export const exportsEvents = {} satisfies Record<string, z.ZodType>;
