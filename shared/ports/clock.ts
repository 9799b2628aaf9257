/** Time is a port so tests can pin it and decay can be checked exactly. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
