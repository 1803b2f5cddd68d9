import type { z } from 'zod';

/** A channel is a request schema and a response schema; types are derived from them. */
export type ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> = {
  req: Req;
  res: Res;
};

export const channel = <Req extends z.ZodType, Res extends z.ZodType>(req: Req, res: Res): ChannelDef<Req, Res> => ({
  req,
  res,
});
