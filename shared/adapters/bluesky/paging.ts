/**
 * Markers are ISO timestamps (ms, UTC) of a post's `sortAt`: the earlier of `record.createdAt` and
 * `indexedAt`, which is what searchPosts' `since`/`until` filter on and never lies in the future
 * even when a client sets a wrong clock. `since` is inclusive and `untilId` is sent as `until`
 * (exclusive) one millisecond later, so posts sharing the boundary millisecond are read again
 * (stored once) rather than lost.
 *
 * The search cursor is an offset that stops at 10,000; past that we restart with `until` set
 * just after the oldest post read. nextToken carries both: `<until ISO or empty>|<server cursor>`.
 */
export interface BskyToken {
  until?: string;
  cursor?: string;
}

export function encodeToken(token: BskyToken): string {
  return `${token.until ?? ''}|${token.cursor ?? ''}`;
}

export function decodeToken(token: string): BskyToken | undefined {
  const i = token.indexOf('|');
  if (i < 0) return undefined;
  const until = token.slice(0, i);
  const cursor = token.slice(i + 1);
  if (until && Number.isNaN(Date.parse(until))) return undefined;
  return { until: until || undefined, cursor: cursor || undefined };
}

/** Normalised ISO (ms) of a timestamp, or undefined. */
export function isoMs(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function plusOneMs(iso: string): string {
  return new Date(Date.parse(iso) + 1).toISOString();
}

/** A raw post's marker, read leniently so paging works even when the post is rejected. */
export function sortAt(raw: unknown): string | undefined {
  const post = raw as { record?: { createdAt?: unknown }; indexedAt?: unknown } | null;
  const created =
    typeof post?.record?.createdAt === 'string' ? Date.parse(post.record.createdAt) : Number.NaN;
  if (Number.isNaN(created)) return undefined;
  const indexed = typeof post?.indexedAt === 'string' ? Date.parse(post.indexedAt) : Number.NaN;
  return new Date(Number.isNaN(indexed) ? created : Math.min(created, indexed)).toISOString();
}

/** The earlier of two optional ISO timestamps. */
export function earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}
