import type { ProspectProfile } from '../../domain/prospect.ts';
import {
  type FoundPost,
  MalformedPageError,
  RateLimitedError,
  type RejectedRecord,
  type SearchPage,
  type SearchRequest,
  type SocialSource,
} from '../../ports/social-source.ts';
import { type AccessTokens, withToken } from '../access-tokens.ts';
import { type SourceSettings, tokensOf } from '../source-settings.ts';
import { getJson, type RateLimitState, RedditForbiddenError } from './http.ts';
import { decodeMarker, encodeMarker } from './markers.ts';
import { normaliseChild, parseListing, placement } from './normalise.ts';

/** Defaults to https://oauth.reddit.com with an app-only (client_credentials) token. */
export interface RedditSettings extends SourceSettings {
  /** Reddit requires a unique, descriptive User-Agent (`<platform>:<app id>:<version> (by /u/<name>)`). */
  userAgent?: string;
}

const DEFAULT_BASE_URL = 'https://oauth.reddit.com';
const DEFAULT_USER_AGENT = 'server:prospector:0.1.0';

interface Window {
  sinceSeconds?: number;
  sinceFullname?: string;
  untilSeconds?: number;
}

/**
 * Reddit link search (`/search?sort=new&type=link`), newest first. Reddit has no time filter, so
 * the window is applied here: a walk stops (no nextToken) at the first post older than `sinceId`,
 * and a resumed walk starts right after the `untilId` post via `after=<fullname>` (markers.ts).
 */
export class RedditSocialSource implements SocialSource {
  private readonly baseUrl: string;
  private readonly tokens?: AccessTokens;
  private readonly timeoutMs: number;
  private readonly userAgent: string;
  private readonly now: () => Date;
  /** Set when Reddit said no requests are left; later searches stop without spending one. */
  private exhaustedUntil?: Date;

  constructor(settings: RedditSettings = {}) {
    this.baseUrl = (settings.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.tokens = tokensOf(settings);
    this.timeoutMs = settings.timeoutMs ?? 10_000;
    this.userAgent = settings.userAgent ?? DEFAULT_USER_AGENT;
    this.now = settings.now ?? (() => new Date());
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    if (this.exhaustedUntil && this.exhaustedUntil > this.now())
      throw new RateLimitedError(this.exhaustedUntil);
    for (const field of ['sinceId', 'untilId'] as const) {
      const marker = request[field];
      if (marker !== undefined && decodeMarker(marker) === undefined)
        throw new MalformedPageError(field, `not a Reddit marker (seconds:fullname): ${marker}`);
    }
    const since = decodeMarker(request.sinceId);
    const until = decodeMarker(request.untilId);
    const startSeconds = request.startTime ? Math.floor(Date.parse(request.startTime) / 1000) : undefined;
    const window: Window = {
      sinceSeconds: since?.seconds ?? (Number.isNaN(startSeconds) ? undefined : startSeconds),
      sinceFullname: since?.fullname,
      untilSeconds: until?.seconds,
    };
    const anchor = request.nextToken ?? until?.fullname;
    const resuming = !request.nextToken && anchor !== undefined;
    let listing: Awaited<ReturnType<RedditSocialSource['fetchListing']>> | undefined;
    try {
      listing = await this.fetchListing(request, anchor);
    } catch (error) {
      // The post we meant to resume after sits in a subreddit that went private: Reddit answers
      // 403 for it, every cycle. Drop the anchor (below) instead of repeating the 403.
      if (!(resuming && error instanceof RedditForbiddenError)) throw error;
    }
    if (resuming && (!listing || listing.data.children.length === 0)) {
      // The post we meant to resume after is gone from search (deleted or removed: an empty
      // listing; private: a 403). Walk again from the top; the time filter skips what was read.
      listing = await this.fetchListing(request, undefined);
    }
    return this.page(listing as NonNullable<typeof listing>, window);
  }

  private async fetchListing(request: SearchRequest, after: string | undefined) {
    const params = new URLSearchParams({
      q: request.query,
      sort: 'new',
      type: 'link',
      limit: String(Math.min(Math.max(request.maxResults, 1), 100)),
      raw_json: '1',
    });
    if (after) params.set('after', after);
    const { body, rateLimit } = await withToken(this.tokens, (token) =>
      getJson(`${this.baseUrl}/search?${params}`, {
        token,
        userAgent: this.userAgent,
        timeoutMs: this.timeoutMs,
        now: this.now,
      }),
    );
    this.remember(rateLimit);
    return { ...parseListing(body), rateLimit };
  }

  private remember(rateLimit: RateLimitState | undefined) {
    this.exhaustedUntil = rateLimit && rateLimit.remaining < 1 ? rateLimit.resetAt : undefined;
  }

  private page(
    listing: ReturnType<typeof parseListing> & { rateLimit?: RateLimitState },
    window: Window,
  ): SearchPage {
    const posts: FoundPost[] = [];
    const authors = new Map<string, ProspectProfile>();
    const rejected: RejectedRecord[] = [];
    const markers: string[] = [];
    let reachedSince = false;
    listing.data.children.forEach((raw, i) => {
      const { seconds, fullname } = placement(raw);
      if (seconds !== undefined) {
        if (window.sinceSeconds !== undefined && seconds < window.sinceSeconds) {
          reachedSince = true;
          return;
        }
        if (window.untilSeconds !== undefined && seconds > window.untilSeconds) return;
        if (fullname) markers.push(encodeMarker(seconds, fullname));
        // The post the saved marker names was stored by an earlier cycle.
        if (fullname && fullname === window.sinceFullname) return;
      }
      const outcome = normaliseChild(raw, i);
      if ('rejected' in outcome) {
        rejected.push(outcome.rejected);
        return;
      }
      posts.push(outcome.post);
      authors.set(outcome.author.authorId, outcome.author);
    });
    const more = !reachedSince && listing.data.children.length > 0 && !!listing.data.after;
    return {
      posts,
      authors,
      rejected,
      newestId: markers[0],
      oldestId: markers.at(-1),
      nextToken: more ? (listing.data.after ?? undefined) : undefined,
      rateLimit: listing.rateLimit,
    };
  }
}
