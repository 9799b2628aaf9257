import type { ServerResponse } from 'node:http';
import { type Fault, truncate } from './faults.ts';
import type { Feed, WireTweet, WireUser } from './feed.ts';
import { matchesQuery } from './query-matcher.ts';
import { parseQuery, type QueryNode } from './query-parser.ts';
import { invalidRequest as invalid, json } from './responses.ts';
import { checkSearchParams, hasPositiveTerm } from './search-rules.ts';

const DEFAULT_TWEET_FIELDS = ['id', 'text', 'edit_history_tweet_ids'];
const DEFAULT_USER_FIELDS = ['id', 'name', 'username'];

function pick(o: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => o[f] !== undefined).map((f) => [f, o[f]]));
}

const big = (id: string) => BigInt(id);

/**
 * `GET /2/tweets/search/recent` with the real wire format: field selection, `expansions=author_id`
 * into `includes.users`, newest-first paging by `next_token`, `since_id`, `until_id`, `start_time`.
 */
export function createSearchEndpoint(feed: Feed, now: () => number = Date.now) {
  const tweets = [...feed.tweets].sort((a, b) => (big(b.id) > big(a.id) ? 1 : -1));
  const users = new Map<string, WireUser>(feed.users.map((u) => [u.id, u]));
  const parsed = new Map<string, QueryNode>();

  return (res: ServerResponse, params: URLSearchParams, rl: Record<string, string>, fault?: Fault) => {
    const refusal = checkSearchParams(params, now());
    if (refusal) return invalid(res, refusal.parameter, refusal.message, rl, refusal.value);
    const query = params.get('query') as string;
    let node = parsed.get(query);
    if (!node) {
      try {
        node = parseQuery(query);
      } catch (error) {
        return invalid(
          res,
          'query',
          `There were errors processing your request: ${(error as Error).message}`,
          rl,
          query,
        );
      }
      if (!hasPositiveTerm(node))
        return invalid(
          res,
          'query',
          'There were errors processing your request: Rules must contain a non-negation term (at position 1)',
          rl,
          query,
        );
      parsed.set(query, node);
    }
    const max = Number(params.get('max_results') ?? '10');
    const since = params.get('since_id');
    const until = params.get('until_id');
    const start = params.get('start_time') ? Date.parse(params.get('start_time') as string) : undefined;
    const end = params.get('end_time') ? Date.parse(params.get('end_time') as string) : undefined;
    const tokenAt = params.get('next_token')
      ? Buffer.from(params.get('next_token') as string, 'base64url').toString()
      : undefined;
    if (tokenAt !== undefined && !/^\d+$/.test(tokenAt))
      return invalid(res, 'next_token', 'The `next_token` query parameter value is not valid', rl);

    const oldest = now() - 7 * 86_400_000;
    const matching = tweets.filter(
      (t) =>
        (since === null || big(t.id) > big(since)) &&
        (until === null || big(t.id) < big(until)) &&
        (tokenAt === undefined || big(t.id) < big(tokenAt)) &&
        (start === undefined || Date.parse(t.created_at) >= start) &&
        (end === undefined || Date.parse(t.created_at) < end) &&
        Date.parse(t.created_at) >= oldest &&
        matchesQuery(node, t as Parameters<typeof matchesQuery>[1]),
    );
    const page = matching.slice(0, max);
    const more = matching.length > max;
    if (page.length === 0) return json(res, 200, { meta: { result_count: 0 } }, rl);

    const tweetFields = [...DEFAULT_TWEET_FIELDS, ...(params.get('tweet.fields')?.split(',') ?? [])];
    const expandAuthors = params.get('expansions')?.split(',').includes('author_id') ?? false;
    const userFields = [...DEFAULT_USER_FIELDS, ...(params.get('user.fields')?.split(',') ?? [])];
    const data: Record<string, unknown>[] = page.map((t: WireTweet) =>
      pick(
        { ...t, edit_history_tweet_ids: [t.id] },
        expandAuthors ? [...tweetFields, 'author_id'] : tweetFields,
      ),
    );
    const authorIds = [...new Set(page.map((t) => t.author_id))];
    const body: Record<string, unknown> = {
      data,
      meta: {
        newest_id: page[0]?.id,
        oldest_id: page[page.length - 1]?.id,
        result_count: page.length,
        ...(more ? { next_token: Buffer.from(page[page.length - 1]?.id ?? '').toString('base64url') } : {}),
      },
    };
    if (expandAuthors) {
      body.includes = {
        users: authorIds.flatMap((id) =>
          users.has(id) ? [pick(users.get(id) as WireUser, userFields)] : [],
        ),
      };
    }
    if (fault === 'malformed-record' && data[1]) data[1].created_at = 'yesterday';
    if (fault === 'malformed-envelope') body.meta = { result_count: 'many' };
    if (fault === 'truncated') return truncate(res, 200, body, rl);
    if (fault === 'partial-errors' && expandAuthors) {
      // X could not return one author (suspended, say): it leaves them out and says so in `errors`.
      const missing = page[0]?.author_id as string;
      const included = body.includes as { users: WireUser[] };
      included.users = included.users.filter((u) => u.id !== missing);
      body.errors = [
        {
          value: missing,
          detail: `Could not find user with author_id: [${missing}].`,
          title: 'Not Found Error',
          resource_type: 'user',
          parameter: 'author_id',
          resource_id: missing,
          type: 'https://api.twitter.com/2/problems/resource-not-found',
        },
      ];
    }
    return json(res, 200, body, rl);
  };
}
