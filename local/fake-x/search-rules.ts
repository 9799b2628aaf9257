/**
 * What X's recent search refuses with a 400, from X API v2's OpenAPI document
 * (`xdevplatform/xdk`, latest-openapi.json, operation `searchPostsRecent`) and X's docs:
 * parameter names, enums of `tweet.fields`/`user.fields`/`expansions`, `max_results` 10-100,
 * ids of 1-19 digits, the 7-day window for ids and times, no ids together with times,
 * `start_time` before `end_time`, queries that contain a positive term. The spec allows queries up
 * to 4096 characters for the higher plans; the self-serve plans this project targets allow 512.
 */
import type { QueryNode } from './query-parser.ts';

const TWEET_FIELDS = new Set(
  (
    'article attachments author_id card_uri community_id context_annotations conversation_id created_at ' +
    'display_text_range edit_controls edit_history_tweet_ids entities geo id in_reply_to_user_id lang ' +
    'media_metadata non_public_metrics note_tweet organic_metrics possibly_sensitive promoted_metrics ' +
    'public_metrics referenced_tweets reply_settings scopes source suggested_source_links ' +
    'suggested_source_links_with_counts text withheld'
  ).split(' '),
);
const USER_FIELDS = new Set(
  (
    'affiliation confirmed_email connection_status created_at description entities id is_identity_verified ' +
    'location most_recent_tweet_id name parody pinned_tweet_id profile_banner_url profile_image_url protected ' +
    'public_metrics receives_your_dm subscription subscription_type url username verified ' +
    'verified_followers_count verified_type withheld'
  ).split(' '),
);
const EXPANSIONS = new Set(
  (
    'article.cover_media article.media_entities attachments.media_keys attachments.media_source_tweet ' +
    'attachments.poll_ids author_id edit_history_tweet_ids entities.mentions.username geo.place_id ' +
    'in_reply_to_user_id entities.note.mentions.username referenced_tweets.id ' +
    'referenced_tweets.id.attachments.media_keys referenced_tweets.id.author_id'
  ).split(' '),
);
const PARAMETERS = new Set(
  (
    'query start_time end_time since_id until_id max_results next_token pagination_token sort_order ' +
    'tweet.fields expansions media.fields poll.fields user.fields place.fields'
  ).split(' '),
);

export const MAX_QUERY_LENGTH = 512;
const WINDOW_MS = 7 * 86_400_000;
const TWEPOCH = 1288834974657n;

/** When a snowflake id was made (its top 41 bits are milliseconds since X's epoch). */
export function snowflakeMs(id: string): number {
  return Number((BigInt(id) >> 22n) + TWEPOCH);
}

export interface Refusal {
  parameter: string;
  value?: string;
  message: string;
}

const refuse = (parameter: string, message: string, value?: string): Refusal => ({
  parameter,
  message,
  ...(value === undefined ? {} : { value }),
});

function checkList(params: URLSearchParams, name: string, allowed: Set<string>): Refusal | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const values = raw.split(',');
  const bad = values.find((v) => !allowed.has(v));
  if (bad !== undefined)
    return refuse(
      name,
      `The \`${name}\` query parameter value [${bad}] is not one of [${[...allowed].join(',')}]`,
      bad,
    );
  if (new Set(values).size !== values.length)
    return refuse(name, `The \`${name}\` query parameter value [${raw}] has duplicate items`, raw);
  return undefined;
}

/** Times X accepts: RFC 3339 date-times; returns the instant or NaN. */
function parseTime(v: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(v)
    ? Date.parse(v)
    : Number.NaN;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';

/** The first reason X would refuse these parameters, or undefined when it would answer. */
export function checkSearchParams(params: URLSearchParams, now: number): Refusal | undefined {
  for (const name of params.keys()) {
    if (!PARAMETERS.has(name))
      return refuse(name, `The query parameter [${name}] is not one of [${[...PARAMETERS].join(',')}]`);
  }
  for (const name of params.keys()) {
    if (params.getAll(name).length > 1)
      return refuse(name, `Duplicate parameters are not allowed: the \`${name}\` query parameter`);
  }
  const query = params.get('query');
  if (query === null || query.length === 0)
    return refuse('query', 'The `query` query parameter can not be empty');
  if (query.length > MAX_QUERY_LENGTH)
    return refuse('query', `The \`query\` query parameter value [${query.slice(0, 40)}…] is too long`, query);

  const max = params.get('max_results');
  if (max !== null && (!/^\d+$/.test(max) || Number(max) < 10 || Number(max) > 100))
    return refuse(
      'max_results',
      `The \`max_results\` query parameter value [${max}] is not between 10 and 100`,
      max,
    );

  for (const [name, allowed] of [
    ['tweet.fields', TWEET_FIELDS],
    ['user.fields', USER_FIELDS],
    ['expansions', EXPANSIONS],
  ] as const) {
    const problem = checkList(params, name, allowed);
    if (problem) return problem;
  }
  const order = params.get('sort_order');
  if (order !== null && order !== 'recency' && order !== 'relevancy')
    return refuse(
      'sort_order',
      `The \`sort_order\` query parameter value [${order}] is not one of [recency,relevancy]`,
      order,
    );

  const oldest = now - WINDOW_MS;
  for (const name of ['since_id', 'until_id']) {
    const v = params.get(name);
    if (v === null) continue;
    if (!/^[0-9]{1,19}$/.test(v))
      return refuse(name, `The \`${name}\` query parameter value [${v}] does not match ^[0-9]{1,19}$`, v);
    if (snowflakeMs(v) < oldest)
      return refuse(
        name,
        `Invalid '${name}':'${v}'. '${name}' must be a tweet id created after ${iso(oldest)}. Please use 'start_time' to search further back.`,
        v,
      );
  }
  const times: Record<string, number> = {};
  for (const name of ['start_time', 'end_time']) {
    const v = params.get(name);
    if (v === null) continue;
    const ms = parseTime(v);
    if (Number.isNaN(ms))
      return refuse(
        name,
        `The \`${name}\` query parameter value [${v}] is not a valid RFC 3339 date-time`,
        v,
      );
    times[name] = ms;
  }
  const start = times.start_time;
  const end = times.end_time;
  if (start !== undefined && start < oldest)
    return refuse(
      'start_time',
      `Invalid 'start_time':'${params.get('start_time')}'. 'start_time' must be on or after ${iso(oldest)}`,
      params.get('start_time') ?? '',
    );
  if (end !== undefined && end > now - 10_000)
    return refuse(
      'end_time',
      `Invalid 'end_time':'${params.get('end_time')}'. 'end_time' must be a minimum of 10 seconds prior to the request time.`,
      params.get('end_time') ?? '',
    );
  if (start !== undefined && end !== undefined && start >= end)
    return refuse(
      'start_time',
      `Invalid 'start_time':'${params.get('start_time')}'. 'start_time' must be before 'end_time'`,
      params.get('start_time') ?? '',
    );
  const ids = params.has('since_id') || params.has('until_id');
  if (ids && (start !== undefined || end !== undefined)) {
    const name = params.has('since_id') ? 'since_id' : 'until_id';
    return refuse(
      name,
      "Invalid use of 'since_id' or 'until_id' in conjunction with 'start_time' or 'end_time'.",
      params.get(name) ?? '',
    );
  }
  for (const name of ['next_token', 'pagination_token']) {
    const v = params.get(name);
    if (v !== null && v.length === 0) return refuse(name, `The \`${name}\` query parameter can not be empty`);
  }
  return undefined;
}

/** X refuses a query (or any AND group in it) made only of negated terms. */
export function hasPositiveTerm(node: QueryNode): boolean {
  switch (node.type) {
    case 'not':
      return false;
    case 'and':
      return node.children.some(hasPositiveTerm);
    case 'or':
      return node.children.every(hasPositiveTerm);
    default:
      return true;
  }
}
