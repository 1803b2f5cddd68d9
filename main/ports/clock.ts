/** Time comes from here only, so tests can move it (trial days, refund windows, fee months). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
