import type { Post } from '../domain/post.ts';
import type { ProspectProfile } from '../domain/prospect.ts';

/** A post as the source returns it, before we know which campaigns found it. */
export type FoundPost = Omit<Post, 'campaignIds'>;

/**
 * `sinceId`, `untilId`, `newestId` and `oldestId` are markers each source defines (X: snowflake
 * ids; others: what their API can filter on), ordered by time. Discovery stores and passes them
 * back unchanged, so it never needs to know a source's id scheme.
 */
export interface SearchRequest {
  query: string;
  sinceId?: string;
  untilId?: string;
  startTime?: string;
  nextToken?: string;
  maxResults: number;
}

/** A record the source sent that failed validation; the rest of its page is still used. */
export interface RejectedRecord {
  id?: string;
  error: string;
}

export interface SearchPage {
  posts: FoundPost[];
  authors: Map<string, ProspectProfile>;
  rejected: RejectedRecord[];
  newestId?: string;
  oldestId?: string;
  nextToken?: string;
  rateLimit?: { remaining: number; resetAt: Date };
}

/**
 * For a source whose search reaches back only so far and refuses markers older than that (X:
 * recent search covers 7 days and answers 400 to an older `since_id`/`until_id`).
 */
export interface SearchWindow {
  /** How far back the source searches. */
  days: number;
  /** When the post behind a marker was made (X: the snowflake id's timestamp), if the marker says. */
  markerTime(marker: string): Date | undefined;
}

/** Listening on one network. Newest posts come first, as in X's recent search. */
export interface SocialSource {
  search(request: SearchRequest): Promise<SearchPage>;
  readonly window?: SearchWindow;
}

/** The source said stop until `resetAt`; the cycle ends cleanly and resumes then. */
export class RateLimitedError extends Error {
  constructor(readonly resetAt: Date) {
    super(`rate limited until ${resetAt.toISOString()}`);
    this.name = 'RateLimitedError';
  }
}

/**
 * The account's usage cap is spent (X: the monthly post cap's 429 `UsageCapExceeded`, while the
 * 15-minute window still has room): every campaign on this source waits until `resetAt`.
 */
export class UsageCapExceededError extends Error {
  constructor(
    readonly resetAt: Date,
    detail: string,
  ) {
    super(`usage cap exceeded until ${resetAt.toISOString()}: ${detail}`);
    this.name = 'UsageCapExceededError';
  }
}

/**
 * The source refuses our credentials for this endpoint (X: 403 `client-not-enrolled`); no retry
 * helps until someone changes the app's set-up, so the source stops for the rest of the run.
 */
export class SourceRefusedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SourceRefusedError';
  }
}

/** The page as a whole could not be used; `field` names what was wrong. */
export class MalformedPageError extends Error {
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(`malformed page at ${field}: ${detail}`);
    this.name = 'MalformedPageError';
  }
}

/** The source failed in a way a later cycle may not (5xx, timeout, network, a body cut short). */
export class SourceUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SourceUnavailableError';
  }
}
