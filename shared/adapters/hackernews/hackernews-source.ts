import type { ProspectProfile } from '../../domain/prospect.ts';
import {
  type FoundPost,
  MalformedPageError,
  RateLimitedError,
  type RejectedRecord,
  type SearchPage,
  type SearchRequest,
  type SocialSource,
  SourceUnavailableError,
} from '../../ports/social-source.ts';
import type { SourceSettings } from '../source-settings.ts';
import { getJson } from './http.ts';
import { hitSeconds, normaliseHit, parseEnvelope, toProfile } from './normalise.ts';
import { decodeToken, markerSeconds, planPage } from './paging.ts';
import { HnUserSchema } from './wire.ts';

/** Defaults to the public HN Search API, which needs no token. */
export interface HackerNewsSettings extends SourceSettings {
  /** How many profile lookups run at once (one per distinct author on a page). */
  profileConcurrency?: number;
}

const DEFAULT_BASE_URL = 'https://hn.algolia.com';
/** Algolia's ceiling for `hitsPerPage`. */
const MAX_HITS_PER_PAGE = 1000;

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Hacker News stories and comments through HN Search (Algolia) `search_by_date`, newest first, with
 * each author's HN profile. Paging is keyset on `created_at_i` (see paging.ts) so a walk is never cut
 * off by Algolia's 1,000-hit ceiling and never splits a second.
 */
export class HackerNewsSocialSource implements SocialSource {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly concurrency: number;
  private readonly now: () => Date;

  constructor(settings: HackerNewsSettings = {}) {
    this.baseUrl = (settings.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.timeoutMs = settings.timeoutMs ?? 10_000;
    this.concurrency = settings.profileConcurrency ?? 8;
    this.now = settings.now ?? (() => new Date());
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    for (const field of ['sinceId', 'untilId'] as const) {
      const marker = request[field];
      if (marker !== undefined && markerSeconds(marker) === undefined)
        throw new MalformedPageError(field, `not a Hacker News marker (seconds): ${marker}`);
    }
    const since =
      markerSeconds(request.sinceId) ??
      (request.startTime ? Math.floor(Date.parse(request.startTime) / 1000) : undefined);
    const token = request.nextToken ? decodeToken(request.nextToken) : undefined;
    const bounds = [markerSeconds(request.untilId), token?.before].filter(
      (b): b is number => b !== undefined,
    );
    const before = bounds.length > 0 ? Math.min(...bounds) : undefined;
    const page = token?.page ?? 0;
    const filters = [
      ...(since !== undefined && !Number.isNaN(since) ? [`created_at_i>=${since}`] : []),
      ...(before !== undefined ? [`created_at_i<${before}`] : []),
    ];
    const params = new URLSearchParams({
      query: request.query,
      tags: '(story,comment)',
      hitsPerPage: String(Math.min(Math.max(request.maxResults, 1), MAX_HITS_PER_PAGE)),
      page: String(page),
    });
    if (filters.length > 0) params.set('numericFilters', filters.join(','));

    const response = await getJson(
      `${this.baseUrl}/api/v1/search_by_date?${params}`,
      this.timeoutMs,
      this.now,
    );
    if (response.status !== 200) throw new SourceUnavailableError(`Hacker News answered ${response.status}`);
    const envelope = parseEnvelope(response.body);
    const plan = planPage(envelope.hits.map(hitSeconds), {
      more: envelope.page + 1 < envelope.nbPages,
      before,
      page,
    });

    const posts: FoundPost[] = [];
    const rejected: RejectedRecord[] = [];
    envelope.hits.forEach((raw, i) => {
      if (plan.drop.has(i)) return;
      const outcome = normaliseHit(raw, i);
      if ('post' in outcome) posts.push(outcome.post);
      else rejected.push(outcome.rejected);
    });
    const authors = await this.profiles([...new Set(posts.map((p) => p.authorId))]);
    return {
      posts,
      authors,
      rejected,
      newestId: plan.newestId,
      oldestId: plan.oldestId,
      nextToken: plan.nextToken,
    };
  }

  /** One lookup per distinct author; a failed lookup leaves an empty profile, a 429 stops the page. */
  private async profiles(usernames: string[]): Promise<Map<string, ProspectProfile>> {
    const profiles = await mapLimited(usernames, this.concurrency, async (name) => {
      try {
        const url = `${this.baseUrl}/api/v1/users/${encodeURIComponent(name)}`;
        const response = await getJson(url, this.timeoutMs, this.now);
        const user = response.status === 200 ? HnUserSchema.safeParse(response.body) : undefined;
        return toProfile(name, user?.success ? user.data : undefined);
      } catch (error) {
        if (error instanceof RateLimitedError) throw error;
        return toProfile(name);
      }
    });
    return new Map(profiles.map((p) => [p.authorId, p]));
  }
}
