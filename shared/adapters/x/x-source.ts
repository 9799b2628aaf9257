import type { Agent } from 'node:https';
import {
  ApiPartialResponseError,
  ApiRequestError,
  ApiResponseError,
  type ITwitterApiClientPlugin,
  TwitterApi,
} from 'twitter-api-v2';
import {
  RateLimitedError,
  type SearchPage,
  type SearchRequest,
  type SearchWindow,
  type SocialSource,
  SourceRefusedError,
  SourceUnavailableError,
  UsageCapExceededError,
} from '../../ports/social-source.ts';
import { normaliseSearchPage } from './normalise.ts';
import { idBefore, snowflakeTime } from './snowflake.ts';

export interface XSettings {
  bearerToken: string;
  /** Only for the local fake server: twitter-api-v2 hard-codes https://api.x.com/2/. */
  baseUrl?: string;
  httpAgent?: Agent;
  /**
   * How long a request may sit without a byte from X before it is abandoned (twitter-api-v2's
   * `timeout` request setting, a socket idle timeout). Without one a hung connection holds the
   * Lambda until it is killed and the cycle saves nothing.
   */
  requestTimeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** X's cap resets with the billing month; we take the calendar month (UTC), as our post budgets do. */
function nextMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

const USER_FIELDS = 'description,public_metrics,location,created_at,verified,url';
const TWEET_FIELDS = 'created_at,lang,author_id,public_metrics,referenced_tweets,conversation_id';

function rebase(baseUrl: string): ITwitterApiClientPlugin {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return {
    onBeforeRequestConfig({ params }) {
      params.url = params.url.replace('https://api.x.com/', base);
    },
  };
}

/** X recent search through twitter-api-v2; rate limits and outages become typed errors the cycle can act on. */
export class XSocialSource implements SocialSource {
  private readonly client: TwitterApi;
  private readonly timeoutMs: number;
  /** Recent search covers 7 days and refuses older ids; snowflakes say when they were made. */
  readonly window: SearchWindow = { days: 7, markerTime: snowflakeTime };

  constructor(settings: XSettings) {
    this.timeoutMs = settings.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.client = new TwitterApi(settings.bearerToken, {
      plugins: settings.baseUrl ? [rebase(settings.baseUrl)] : [],
      ...(settings.httpAgent ? { httpAgent: settings.httpAgent } : {}),
    });
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    const params: Record<string, string> = {
      query: request.query,
      max_results: String(request.maxResults),
      expansions: 'author_id',
      'tweet.fields': TWEET_FIELDS,
      'user.fields': USER_FIELDS,
    };
    // X refuses ids together with times (400), so a start time next to an id becomes an id.
    if (request.sinceId) params.since_id = request.sinceId;
    else if (request.startTime && request.untilId) params.since_id = idBefore(new Date(request.startTime));
    else if (request.startTime) params.start_time = request.startTime;
    if (request.untilId) params.until_id = request.untilId;
    if (request.nextToken) params.next_token = request.nextToken;
    const sentAt = Date.now();
    try {
      const response = await this.client.v2.get('tweets/search/recent', params, {
        fullResponse: true,
        timeout: this.timeoutMs,
      });
      const rl = response.rateLimit;
      return {
        ...normaliseSearchPage(response.data),
        rateLimit: rl ? { remaining: rl.remaining, resetAt: new Date(rl.reset * 1000) } : undefined,
      };
    } catch (error) {
      throw translate(error, this.timeoutMs, Date.now() - sentAt);
    }
  }
}

/** X's problem body, as far as telling its failures apart needs. */
interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  reason?: string;
}

/** Maps twitter-api-v2's errors to the ones the discovery cycle acts on. */
function translate(error: unknown, timeoutMs: number, elapsedMs: number): unknown {
  if (error instanceof ApiResponseError) {
    const problem = (error.data ?? {}) as Problem;
    if (error.code === 429) {
      if (problem.type?.endsWith('/usage-capped') || problem.title === 'UsageCapExceeded')
        return new UsageCapExceededError(nextMonthStart(new Date()), problem.detail ?? 'usage cap exceeded');
      const reset = error.rateLimit?.reset;
      return new RateLimitedError(new Date(reset ? reset * 1000 : Date.now() + 15 * 60_000));
    }
    if (error.code === 401 || error.code === 403) {
      const why = [problem.title, problem.reason, problem.detail].filter(Boolean).join(': ');
      return new SourceRefusedError(`X refused the app (${error.code}): ${why}`, { cause: error });
    }
    return new SourceUnavailableError(`X answered ${error.code}`, { cause: error });
  }
  if (error instanceof ApiPartialResponseError)
    return new SourceUnavailableError(`X cut its answer short: ${error.message}`, { cause: error });
  if (error instanceof ApiRequestError) {
    // twitter-api-v2 1.x keeps the socket error under `_options.error` (its `requestError` getter
    // reads a field it never sets), so the elapsed time is the reliable sign of its timeout.
    const cause = (error as unknown as { _options?: { error?: Error } })._options?.error;
    const timedOut = elapsedMs >= timeoutMs || /timeout/i.test(cause?.message ?? '');
    return new SourceUnavailableError(
      timedOut
        ? `X did not answer within ${timeoutMs} ms`
        : `X unreachable: ${cause?.message ?? error.message}`,
      { cause: error },
    );
  }
  return error;
}
