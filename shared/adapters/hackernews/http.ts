import { MalformedPageError, RateLimitedError, SourceUnavailableError } from '../../ports/social-source.ts';

/** Algolia's HN API sends no rate-limit headers; its budget is about 10,000 requests an hour per IP. */
const DEFAULT_BACKOFF_MS = 15 * 60_000;

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** `Retry-After` as seconds or an HTTP date, if the server sent one. */
export function retryAfter(headers: Headers, now: Date): Date | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return new Date(now.getTime() + Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/**
 * One GET with a timeout. Network failures and 5xx become SourceUnavailableError and 429 becomes
 * RateLimitedError, so the discovery cycle can stop cleanly; other statuses are returned for the
 * caller to judge (a missing profile is a 404 we tolerate).
 */
export async function getJson(url: string, timeoutMs: number, now: () => Date): Promise<JsonResponse> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new SourceUnavailableError(`Hacker News unreachable: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (response.status === 429) {
    await response.body?.cancel();
    const at = now();
    throw new RateLimitedError(
      retryAfter(response.headers, at) ?? new Date(at.getTime() + DEFAULT_BACKOFF_MS),
    );
  }
  if (response.status >= 500) {
    await response.body?.cancel();
    throw new SourceUnavailableError(`Hacker News answered ${response.status}`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new SourceUnavailableError(`Hacker News response cut off: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    if (response.ok) throw new MalformedPageError('(root)', 'response is not JSON');
  }
  return { status: response.status, headers: response.headers, body };
}
