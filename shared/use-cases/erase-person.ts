import { SourceSchema } from '../domain/post.ts';
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

/** The request names no person we could hold, or its reason is not a ticket reference. */
export class InvalidErasureRequestError extends Error {
  constructor(
    readonly field: 'source' | 'authorId' | 'reason' | 'requestedBy',
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'InvalidErasureRequestError';
  }
}

/**
 * The reason is a reference an auditor can follow (a ticket id, "email 2026-12-01"), kept in the
 * audit trail. It must not be personal data itself, so no "@" (an address), and it is short.
 */
const REASON = /^[A-Za-z0-9][A-Za-z0-9 ._:#/-]{2,119}$/;
const AUTHOR_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * A person asked to be forgotten: delete their profile, posts, signals, events and tasks, keep
 * only a tombstone so discovery never stores them again, record who did it and for which request
 * in the erasure audit trail, and check that nothing is left.
 */
export async function erasePerson(
  deps: { erasure: ErasureStore; clock: Clock },
  key: string,
  request: { requestedBy: string; reason: string },
): Promise<ErasureReport> {
  const cut = key.indexOf('#');
  const source = key.slice(0, Math.max(cut, 0));
  const authorId = key.slice(cut + 1);
  if (!SourceSchema.safeParse(source).success)
    throw new InvalidErasureRequestError('source', `must be one of ${SourceSchema.options.join(', ')}`);
  if (cut < 0 || !AUTHOR_ID.test(authorId))
    throw new InvalidErasureRequestError('authorId', 'must be 1-128 letters, digits or . _ : -');
  const reason = request.reason.trim();
  if (!REASON.test(reason))
    throw new InvalidErasureRequestError(
      'reason',
      'must be a ticket reference of 3-120 letters, digits, spaces or . _ : # / - (no personal data)',
    );
  const requestedBy = request.requestedBy.trim();
  if (requestedBy.length === 0 || requestedBy.length > 200)
    throw new InvalidErasureRequestError('requestedBy', 'must be 1-200 characters');
  const report = await deps.erasure.erase(key, { requestedBy, reason }, deps.clock.now());
  if (report.remainingLeadItems > 0 || report.remainingPosts > 0) throw new ErasureIncompleteError(report);
  return report;
}
