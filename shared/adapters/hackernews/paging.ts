/**
 * Keyset paging over `created_at_i` (seconds). Algolia only lets a query reach its first 1,000 hits
 * and second-resolution timestamps tie, so instead of `page=N` each next page asks for hits older
 * than the oldest whole second already read: a page that may continue drops its oldest second
 * (those hits come again, complete, on the next page), so no marker ever splits a second.
 *
 * Markers (`newestId`, `oldestId`, `sinceId`, `untilId`) are decimal seconds. `untilId` is
 * exclusive; `sinceId` is inclusive, so the newest second is read again and the store drops it as a
 * duplicate instead of a same-second post being lost.
 */
export interface HnToken {
  /** Exclusive upper bound in seconds, if any. */
  before?: number;
  /** Algolia page within that bound; only above 0 when a whole page shares one second. */
  page: number;
}

export function encodeToken(token: HnToken): string {
  return `${token.before ?? ''}:${token.page}`;
}

/** Undefined for a token we did not write (it is then ignored rather than trusted). */
export function decodeToken(token: string): HnToken | undefined {
  const m = /^(\d*):(\d+)$/.exec(token);
  if (!m) return undefined;
  return { before: m[1] ? Number(m[1]) : undefined, page: Number(m[2]) };
}

/** Seconds from a marker; undefined for an absent or foreign marker. */
export function markerSeconds(marker: string | undefined): number | undefined {
  return marker && /^\d{1,12}$/.test(marker) ? Number(marker) : undefined;
}

export interface PagePlan {
  /** Indexes of hits to leave for the next page. */
  drop: Set<number>;
  newestId?: string;
  oldestId?: string;
  nextToken?: string;
}

/**
 * Decides what of one newest-first page to use. `times[i]` is hit i's `created_at_i` (undefined if
 * unreadable); `more` says Algolia has further pages for this request; `before`/`page` are the
 * bound and page this request used.
 */
export function planPage(
  times: readonly (number | undefined)[],
  request: { more: boolean; before?: number; page: number },
): PagePlan {
  const valid = times.filter((t): t is number => t !== undefined);
  const drop = new Set<number>();
  if (valid.length === 0) {
    return {
      drop,
      nextToken: request.more ? encodeToken({ ...request, page: request.page + 1 }) : undefined,
    };
  }
  const newest = Math.max(...valid);
  const oldest = Math.min(...valid);
  if (!request.more) return { drop, newestId: String(newest), oldestId: String(oldest) };
  if (oldest === newest) {
    // A whole page in one second: fall back to Algolia's page number within the same bound, and
    // report a marker that re-reads that second on resume (duplicates, never a gap).
    return {
      drop,
      newestId: String(newest),
      oldestId: String(oldest + 1),
      nextToken: encodeToken({ before: request.before, page: request.page + 1 }),
    };
  }
  times.forEach((t, i) => {
    if (t === oldest) drop.add(i);
  });
  const keptOldest = Math.min(...valid.filter((t) => t !== oldest));
  return {
    drop,
    newestId: String(newest),
    oldestId: String(keptOldest),
    nextToken: encodeToken({ before: keptOldest, page: 0 }),
  };
}
