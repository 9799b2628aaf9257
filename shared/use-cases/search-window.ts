import type { Cursor } from '../domain/campaign.ts';
import type { SearchWindow } from '../ports/social-source.ts';
import type { StopReason } from './discover-campaign.ts';

/** Posts made between `from` (absent: since the backfill began) and `to` may never be read. */
export interface WindowGap {
  from?: string;
  to: string;
}

/** A source closed for the rest of a run (usage cap, refused credentials), shared by its campaigns. */
export interface SourceBlock {
  reason: Extract<StopReason, 'usage-cap' | 'source-refused'>;
  error: string;
  until?: string;
}

/** Where a walk starts: markers the source still accepts, or a start time at its window's edge. */
export interface WalkMarkers {
  sinceId?: string;
  pendingNewestId?: string;
  pendingUntilId?: string;
  startTime: string;
  gap?: WindowGap;
}

const DAY_MS = 86_400_000;
/**
 * Room between our check and the source's: a walk's parameters stay fixed across its pages, and a
 * walk can last as long as a Lambda (15 minutes), so a start time or marker nearer than this to
 * the window's edge would be refused part-way through.
 */
const EDGE_MS = 15 * 60_000;

/**
 * Drops saved markers older than the source's search window (X: 7 days; an older `since_id` or
 * `until_id` is a permanent 400), so a campaign resumes after a long pause or a spent monthly
 * budget instead of failing every cycle. The walk restarts at the window's edge (or the backfill's,
 * if nearer) and the span that can no longer be read is returned as the gap.
 */
export function windowedMarkers(
  saved: Cursor,
  window: SearchWindow | undefined,
  now: Date,
  backfillDays: number,
): WalkMarkers {
  const backfillStart = now.getTime() - backfillDays * DAY_MS + EDGE_MS;
  const windowStart = window ? now.getTime() - window.days * DAY_MS + EDGE_MS : Number.NEGATIVE_INFINITY;
  const startTime = new Date(Math.max(backfillStart, windowStart)).toISOString();
  const markers: WalkMarkers = {
    sinceId: saved.sinceId,
    pendingNewestId: saved.pendingNewestId,
    pendingUntilId: saved.pendingUntilId,
    startTime,
  };
  if (!window) return markers;
  const oldest = now.getTime() - window.days * DAY_MS + EDGE_MS;
  const timeOf = (marker: string | undefined) => (marker ? window.markerTime(marker) : undefined);
  const tooOld = (marker: string | undefined) =>
    (timeOf(marker)?.getTime() ?? Number.POSITIVE_INFINITY) < oldest;
  const from = timeOf(saved.sinceId)?.toISOString();
  let to: string | undefined;

  if (tooOld(markers.pendingUntilId)) {
    // Everything below the pending walk's lower marker is out of reach: that walk is over.
    to = timeOf(markers.pendingUntilId)?.toISOString();
    markers.sinceId = markers.pendingNewestId ?? markers.sinceId;
    markers.pendingNewestId = undefined;
    markers.pendingUntilId = undefined;
  }
  if (tooOld(markers.sinceId)) {
    to = startTime;
    markers.sinceId = undefined;
  }
  if (to !== undefined) markers.gap = { ...(from ? { from } : {}), to };
  return markers;
}
