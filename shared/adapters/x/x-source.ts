import type { Agent } from 'node:https';
import { ApiRequestError, ApiResponseError, type ITwitterApiClientPlugin, TwitterApi } from 'twitter-api-v2';
import {
  RateLimitedError,
  type SearchPage,
  type SearchRequest,
  type SocialSource,
  SourceUnavailableError,
} from '../../ports/social-source.ts';
import { normaliseSearchPage } from './normalise.ts';

export interface XSettings {
  bearerToken: string;
  /** Only for the local fake server: twitter-api-v2 hard-codes https://api.x.com/2/. */
  baseUrl?: string;
  httpAgent?: Agent;
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

  constructor(settings: XSettings) {
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
    if (request.sinceId) params.since_id = request.sinceId;
    if (request.untilId) params.until_id = request.untilId;
    if (request.startTime && !request.sinceId) params.start_time = request.startTime;
    if (request.nextToken) params.next_token = request.nextToken;
    try {
      const response = await this.client.v2.get('tweets/search/recent', params, { fullResponse: true });
      const rl = response.rateLimit;
      return {
        ...normaliseSearchPage(response.data),
        rateLimit: rl ? { remaining: rl.remaining, resetAt: new Date(rl.reset * 1000) } : undefined,
      };
    } catch (error) {
      if (error instanceof ApiResponseError) {
        if (error.code === 429) {
          const reset = error.rateLimit?.reset;
          throw new RateLimitedError(new Date(reset ? reset * 1000 : Date.now() + 15 * 60_000));
        }
        throw new SourceUnavailableError(`X answered ${error.code}`, { cause: error });
      }
      if (error instanceof ApiRequestError)
        throw new SourceUnavailableError(`X unreachable: ${error.message}`, { cause: error });
      throw error;
    }
  }
}
