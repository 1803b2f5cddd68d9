import { ZodError, type z } from 'zod';
import { contract, isChannel, type ChannelName, type ParsedReq, type HandlerResult } from '../../shared/ipc/contract';
import { fail, ok, type Envelope } from '../../shared/ipc/envelope';
import { isAppError } from '../../shared/errors';
import type { Logger } from '../ports/logger';
import { isMessageKey, translate } from '../../shared/i18n';

export type CallContext = { origin: 'electron' | 'cli' | 'test' | 'harness' };

export type Handler<C extends ChannelName> = (req: ParsedReq<C>, ctx: CallContext) => HandlerResult<C> | Promise<HandlerResult<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };
export type Dispatch = (channel: string, raw: unknown, ctx: CallContext) => Promise<Envelope<unknown>>;

/** "field.sub: message; …" — names the field that was wrong. */
export function describeZodError(e: ZodError): string {
  return e.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(Eingabe)'}: ${isMessageKey(i.message) ? translate('de', i.message) : i.message}`)
    .join('; ');
}

/**
 * The single entry point to main's services. Validates the request, calls the handler, validates
 * the response (a service bug must not reach the renderer as malformed data), and never throws.
 */
export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async (channel, raw, ctx) => {
    if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', `Unbekannter Kanal: ${channel}`);
    const def = contract[channel] as { req: z.ZodType; res: z.ZodType };
    const parsed = def.req.safeParse(raw ?? {});
    if (!parsed.success) {
      return fail('VALIDATION', describeZodError(parsed.error), parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })));
    }
    try {
      const handler = handlers[channel] as (req: unknown, ctx: CallContext) => unknown;
      const result = await handler(parsed.data, ctx);
      const out = def.res.safeParse(result);
      if (!out.success) {
        logger.error('ipc.response_invalid', { channel, error: describeZodError(out.error) });
        return fail('INTERNAL', `Interner Fehler: ungültige Antwort auf ${channel}`);
      }
      return ok(out.data);
    } catch (e) {
      if (isAppError(e)) return fail(e.code, e.message, e.details);
      if (e instanceof ZodError) return fail('VALIDATION', describeZodError(e));
      logger.error('ipc.handler_failed', { channel, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      return fail('INTERNAL', `Interner Fehler bei ${channel}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}
