import type { ChannelDef } from '../../shared/ipc/define';
import type { ChannelName } from '../../shared/ipc/contract';
import type { Handler } from './dispatcher';

/** The handlers a capability owes for its own channels file (shared/ipc/channels/<cap>.ts). */
export type FeatureHandlers<T extends Record<string, ChannelDef>> = { [C in keyof T & ChannelName]: Handler<C> };
