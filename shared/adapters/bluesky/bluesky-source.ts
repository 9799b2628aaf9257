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
import { getJson } from './http.ts';
import { normalisePost, parseEnvelope, toProfile } from './normalise.ts';
import { decodeToken, earlier, encodeToken, isoMs, plusOneMs, sortAt } from './paging.ts';
import {
  type BskyPostView,
  type BskyProfile,
  BskyProfileSchema,
  BskyProfilesEnvelopeSchema,
} from './wire.ts';

/**
 * Defaults to https://bsky.social (the PDS entryway, which proxies app.bsky.* to the AppView).
 * Bluesky disabled unauthenticated post search: the token is a session access JWT
 * (`com.atproto.server.createSession` with an app password).
 */
export type BlueskySettings = SourceSettings;

const DEFAULT_BASE_URL = 'https://bsky.social';
/** Our markers are UTC ISO timestamps; anything else (say, an X snowflake) is another source's. */
const ISO_MARKER = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** `app.bsky.actor.getProfiles` takes at most 25 actors. */
const PROFILE_BATCH = 25;

/**
 * Bluesky post search (`app.bsky.feed.searchPosts`, `sort=latest`), with each author's detailed
 * profile from `app.bsky.actor.getProfiles`. Markers and paging are described in paging.ts.
 */
export class BlueskySocialSource implements SocialSource {
  private readonly baseUrl: string;
  private readonly tokens?: AccessTokens;
  private readonly timeoutMs: number;
  private readonly now: () => Date;

  constructor(settings: BlueskySettings = {}) {
    this.baseUrl = (settings.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.tokens = tokensOf(settings);
    this.timeoutMs = settings.timeoutMs ?? 10_000;
    this.now = settings.now ?? (() => new Date());
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    for (const field of ['sinceId', 'untilId'] as const) {
      const marker = request[field];
      if (marker !== undefined && !ISO_MARKER.test(marker))
        throw new MalformedPageError(field, `not a Bluesky marker (ISO timestamp): ${marker}`);
    }
    const token = request.nextToken ? decodeToken(request.nextToken) : undefined;
    const fromUntilId = isoMs(request.untilId);
    const until = earlier(fromUntilId && plusOneMs(fromUntilId), token?.until);
    const since = isoMs(request.sinceId) ?? isoMs(request.startTime);
    const limit = Math.min(Math.max(request.maxResults, 1), 100);
    const params = new URLSearchParams({ q: request.query, sort: 'latest', limit: String(limit) });
    if (since) params.set('since', since);
    if (until) params.set('until', until);
    if (token?.cursor) params.set('cursor', token.cursor);

    const { body, rateLimit } = await this.get(`app.bsky.feed.searchPosts?${params}`);
    const envelope = parseEnvelope(body);
    const posts: FoundPost[] = [];
    const rejected: RejectedRecord[] = [];
    const basics = new Map<string, BskyPostView['author']>();
    envelope.posts.forEach((raw, i) => {
      const outcome = normalisePost(raw, i);
      if ('rejected' in outcome) {
        rejected.push(outcome.rejected);
        return;
      }
      posts.push(outcome.post);
      basics.set(outcome.author.did, outcome.author);
    });
    const markers = envelope.posts.map(sortAt).filter((m): m is string => m !== undefined);
    const newestId = markers.reduce<string | undefined>((a, m) => (!a || m > a ? m : a), undefined);
    const oldestId = markers.reduce<string | undefined>((a, m) => (!a || m < a ? m : a), undefined);
    return {
      posts,
      authors: await this.profiles(basics),
      rejected,
      newestId,
      oldestId,
      nextToken: this.nextToken(envelope.cursor, envelope.posts.length === limit, until, oldestId),
      rateLimit,
    };
  }

  private nextToken(cursor: string | undefined, full: boolean, until?: string, oldest?: string) {
    if (cursor) return encodeToken({ until, cursor });
    if (!full || !oldest) return undefined;
    // A full page without a cursor: the offset hit its ceiling. Restart just after the oldest post
    // read, unless that is where this page already started (a page all in one millisecond).
    const restart = plusOneMs(oldest);
    return restart === until ? undefined : encodeToken({ until: restart });
  }

  private get(path: string) {
    return withToken(this.tokens, (token) =>
      getJson(`${this.baseUrl}/xrpc/${path}`, { token, timeoutMs: this.timeoutMs, now: this.now }),
    );
  }

  /** Detailed profiles in batches of 25; a failed batch falls back to the post's own author view. */
  private async profiles(basics: Map<string, BskyPostView['author']>): Promise<Map<string, ProspectProfile>> {
    const dids = [...basics.keys()];
    const detailed = new Map<string, BskyProfile>();
    for (let i = 0; i < dids.length; i += PROFILE_BATCH) {
      const params = new URLSearchParams();
      for (const did of dids.slice(i, i + PROFILE_BATCH)) params.append('actors', did);
      try {
        const { body } = await this.get(`app.bsky.actor.getProfiles?${params}`);
        const envelope = BskyProfilesEnvelopeSchema.safeParse(body);
        for (const raw of envelope.success ? envelope.data.profiles : []) {
          const profile = BskyProfileSchema.safeParse(raw);
          if (profile.success) detailed.set(profile.data.did, profile.data);
        }
      } catch (error) {
        if (error instanceof RateLimitedError) throw error;
      }
    }
    return new Map(
      dids.map((did) => [did, toProfile(basics.get(did) as BskyPostView['author'], detailed.get(did))]),
    );
  }
}
