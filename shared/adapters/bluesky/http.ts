import { MalformedPageError, RateLimitedError, SourceUnavailableError } from '../../ports/social-source.ts';
import { TokenRefusedError } from '../access-tokens.ts';

/** XRPC errors that mean "get a new access token" rather than "the service is down". */
const REFUSED_TOKEN = new Set(['ExpiredToken', 'InvalidToken', 'AuthenticationRequired']);

/** The PDS window is 5 minutes (3,000 requests per IP); used when a 429 carries no reset. */
const DEFAULT_BACKOFF_MS = 5 * 60_000;

export interface RateLimitState {
  remaining: number;
  resetAt: Date;
}

/**
 * `ratelimit-remaining` and `ratelimit-reset`. Bluesky's PDS sends the reset as epoch seconds; the
 * IETF draft it follows says delta seconds, so small values are read as a delta.
 */
export function readRateLimit(headers: Headers, now: Date): RateLimitState | undefined {
  const remaining = Number(headers.get('ratelimit-remaining') ?? Number.NaN);
  const reset = Number(headers.get('ratelimit-reset') ?? Number.NaN);
  if (!Number.isFinite(remaining) || !Number.isFinite(reset)) return undefined;
  const resetAt = reset > 1e9 ? new Date(reset * 1000) : new Date(now.getTime() + reset * 1000);
  return { remaining: Math.max(0, Math.floor(remaining)), resetAt };
}

/**
 * One XRPC GET with a timeout. 429 becomes RateLimitedError; a 401, or an `ExpiredToken` /
 * `InvalidToken` error (Bluesky answers those with 400), TokenRefusedError; network failures and
 * other non-200s SourceUnavailableError with the XRPC error name.
 */
export async function getJson(
  url: string,
  init: { token?: string; timeoutMs: number; now: () => Date },
): Promise<{ body: unknown; rateLimit?: RateLimitState }> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      headers: {
        accept: 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      signal: AbortSignal.timeout(init.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw new SourceUnavailableError(`Bluesky unreachable: ${(error as Error).message}`, { cause: error });
  }
  const at = init.now();
  const rateLimit = readRateLimit(response.headers, at);
  if (response.status === 429) {
    throw new RateLimitedError(rateLimit?.resetAt ?? new Date(at.getTime() + DEFAULT_BACKOFF_MS));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (response.status === 200) throw new MalformedPageError('(root)', 'response is not JSON');
  }
  if (response.status !== 200) {
    const name = (body as { error?: unknown } | undefined)?.error;
    if (response.status === 401 || (typeof name === 'string' && REFUSED_TOKEN.has(name)))
      throw new TokenRefusedError(
        `Bluesky answered ${response.status}${typeof name === 'string' ? ` ${name}` : ''}`,
      );
    throw new SourceUnavailableError(
      `Bluesky answered ${response.status}${typeof name === 'string' ? ` ${name}` : ''}`,
    );
  }
  return { body, rateLimit };
}
