/** X-style numeric ids: snowflakes for tweets and modern accounts, small integers for pre-2016 accounts. */
import type { Rng } from './rng.ts';

const TWEPOCH = 1288834974657n;

/** Snowflake for a millisecond timestamp; the low 22 bits (datacenter, worker, sequence) come from rng. */
export function snowflake(ms: number, rng: Rng): string {
  const low = BigInt(rng.int(0, (1 << 22) - 1));
  return (((BigInt(ms) - TWEPOCH) << 22n) | low).toString();
}

export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + TWEPOCH);
}

/** Rough account-id growth curve before X switched user ids to snowflakes (~2016). */
const LEGACY: readonly (readonly [string, number])[] = [
  ['2006-07-01', 1_000],
  ['2007-06-01', 5_000_000],
  ['2009-01-01', 18_000_000],
  ['2010-01-01', 100_000_000],
  ['2011-01-01', 230_000_000],
  ['2012-01-01', 450_000_000],
  ['2013-01-01', 1_100_000_000],
  ['2014-01-01', 2_300_000_000],
  ['2015-01-01', 2_950_000_000],
  ['2016-06-01', 4_300_000_000],
];
const SNOWFLAKE_USERS_FROM = Date.parse('2016-06-01T00:00:00Z');

export function userId(createdMs: number, rng: Rng): string {
  if (createdMs >= SNOWFLAKE_USERS_FROM) return snowflake(createdMs, rng);
  for (let i = 1; i < LEGACY.length; i++) {
    const [d0, v0] = LEGACY[i - 1]!;
    const [d1, v1] = LEGACY[i]!;
    const t0 = Date.parse(`${d0}T00:00:00Z`);
    const t1 = Date.parse(`${d1}T00:00:00Z`);
    if (createdMs < t1) {
      const f = Math.max(0, (createdMs - t0) / (t1 - t0));
      return String(Math.round(v0 + f * (v1 - v0)) + rng.int(0, 999));
    }
  }
  return String(LEGACY[LEGACY.length - 1]![1] + rng.int(0, 999));
}
