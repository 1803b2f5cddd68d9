import { z } from 'zod';
import type { ChannelDef } from './define';
import { appChannels } from './channels/app';
import { ordersChannels, ordersEvents } from './channels/orders';
import { documentsChannels, documentsEvents } from './channels/documents';
import { labelsChannels, labelsEvents } from './channels/labels';
import { frankingChannels, frankingEvents } from './channels/franking';
import { billingChannels, billingEvents } from './channels/billing';
import { exportsChannels, exportsEvents } from './channels/exports';
import { shellChannels, shellEvents } from './channels/shell';
import { JobView } from '../domain/job';

/**
 * Every request the renderer can make of main. Each capability keeps its channels in
 * ./channels/<capability>.ts; this file only joins them. Types are derived from the schemas.
 */
export const contract = {
  ...appChannels,
  ...ordersChannels,
  ...documentsChannels,
  ...labelsChannels,
  ...frankingChannels,
  ...billingChannels,
  ...exportsChannels,
  ...shellChannels,
} satisfies Record<string, ChannelDef>;

/** Main → renderer events. */
export const events = {
  'job:progress': JobView,
  ...ordersEvents,
  ...documentsEvents,
  ...labelsEvents,
  ...frankingEvents,
  ...billingEvents,
  ...exportsEvents,
  ...shellEvents,
} satisfies Record<string, z.ZodType>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type Req<C extends ChannelName> = z.input<Contract[C]['req']>;
/** What a handler receives: the parsed (defaults applied) request. */
export type ParsedReq<C extends ChannelName> = z.output<Contract[C]['req']>;
export type Res<C extends ChannelName> = z.output<Contract[C]['res']>;
export type HandlerResult<C extends ChannelName> = z.input<Contract[C]['res']>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(contract) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];
export const isChannel = (name: string): name is ChannelName => Object.hasOwn(contract, name);
export const isEvent = (name: string): name is EventName => Object.hasOwn(events, name);
