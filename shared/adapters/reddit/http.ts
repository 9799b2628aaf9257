import { MalformedPageError, RateLimitedError, SourceUnavailableError } from '../../ports/social-source.ts';
import { TokenRefusedError } from '../access-tokens.ts';

/** Reddit refused the listing (403): a private or banned subreddit, or an anchor inside one. */
export class RedditForbiddenError extends SourceUnavailableError {
  constructor() {
    super('Reddit answered 403');
    this.name = 'RedditForbiddenError';
  }
}

/** Reddit's window is 10 minutes; used when a 429 comes without `x-ratelimit-reset`. */
const DEFAULT_BACKOFF_MS = 10 * 60_000;

export interface RateLimitState {
  remaining: number;
  resetAt: Date;
}

/** `x-ratelimit-remaining` (a float, e.g. `"97.0"`) and `x-ratelimit-reset` (seconds until the window ends). */
export function readRateLimit(headers: Headers, now: Date): RateLimitState | undefined {
  const remaining = Number.parseFloat(headers.get('x-ratelimit-remaining') ?? '');
  const reset = Number.parseFloat(headers.get('x-ratelimit-reset') ?? '');
  if (!Number.isFinite(remaining) || !Number.isFinite(reset)) return undefined;
  return { remaining: Math.max(0, Math.floor(remaining)), resetAt: new Date(now.getTime() + reset * 1000) };
}

/**
 * One authenticated GET with a timeout. 429 becomes RateLimitedError (until the window resets),
 * 401 TokenRefusedError (a SourceUnavailableError the adapter retries once with a new token),
 * network failures and any other non-200 SourceUnavailableError.
 */
export async function getJson(
  url: string,
  init: { token?: string; userAgent: string; timeoutMs: number; now: () => Date },
): Promise<{ body: unknown; rateLimit?: RateLimitState }> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        accept: 'application/json',
        'user-agent': init.userAgent,
        ...(init.token ? { authorization: `bearer ${init.token}` } : {}),
      },
      signal: AbortSignal.timeout(init.timeoutMs),
    });
  } catch (error) {
    throw new SourceUnavailableError(`Reddit unreachable: ${(error as Error).message}`, { cause: error });
  }
  const at = init.now();
  const rateLimit = readRateLimit(response.headers, at);
  if (response.status === 429) {
    await response.body?.cancel();
    throw new RateLimitedError(rateLimit?.resetAt ?? new Date(at.getTime() + DEFAULT_BACKOFF_MS));
  }
  if (response.status === 401) {
    await response.body?.cancel();
    throw new TokenRefusedError('Reddit answered 401: the token was refused');
  }
  if (response.status === 403) {
    await response.body?.cancel();
    throw new RedditForbiddenError();
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new SourceUnavailableError(`Reddit answered ${response.status}`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new SourceUnavailableError(`Reddit response cut off: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    return { body: JSON.parse(text), rateLimit };
  } catch {
    throw new MalformedPageError('(root)', 'response is not JSON');
  }
}
