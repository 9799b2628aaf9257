import type { Clock } from '../ports/clock.ts';
import type { ErasureReport, ErasureStore } from '../ports/erasure-store.ts';

export class ErasureIncompleteError extends Error {
  constructor(readonly report: ErasureReport) {
    super(
      `erasure left ${report.remainingLeadItems} lead item(s) and ${report.remainingPosts} post(s); run it again`,
    );
    this.name = 'ErasureIncompleteError';
  }
}

/**
 * A person asked to be forgotten: delete their profile, posts, signals, events and tasks, keep
 * only a tombstone so discovery never stores them again, and check that nothing is left.
 */
export async function erasePerson(
  deps: { erasure: ErasureStore; clock: Clock },
  key: string,
  requestedBy: string,
): Promise<ErasureReport> {
  const report = await deps.erasure.erase(key, requestedBy, deps.clock.now());
  if (report.remainingLeadItems > 0 || report.remainingPosts > 0) throw new ErasureIncompleteError(report);
  return report;
}
