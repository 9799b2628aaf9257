import type * as z from 'zod';
import { SourceUnavailableError } from '../ports/social-source.ts';

/**
 * Where a source adapter gets its bearer token. Short-lived tokens (Reddit's app-only token lasts
 * a day, a Bluesky session two hours) are minted here and refreshed before they run out, so a
 * deployment keeps working without anyone pasting a new token.
 */
export interface AccessTokens {
  /** A token to use now (minting one first if there is none or it is about to expire). */
  current(): Promise<string>;
  /** The API refused `token` (401): forget it, so the next `current()` mints another. */
  refused(token: string): void;
}

/** The API refused the token; an adapter with refreshing tokens retries once with a new one. */
export class TokenRefusedError extends SourceUnavailableError {
  constructor(message: string) {
    super(message);
    this.name = 'TokenRefusedError';
  }
}

/** A token minted and refreshed outside Prospector (or one that never expires). */
export class FixedToken implements AccessTokens {
  constructor(private readonly token: string) {}
  async current(): Promise<string> {
    return this.token;
  }
  refused(): void {}
}

export interface MintedToken {
  token: string;
  expiresInSeconds: number;
}

/**
 * Caches a minted token until `marginMs` before it expires; concurrent callers share one mint, and
 * a failed mint is not cached (the next call tries again).
 */
export class RefreshingToken implements AccessTokens {
  private cached?: { token: string; expiresAt: number };
  private minting?: Promise<string>;

  constructor(
    private readonly mint: () => Promise<MintedToken>,
    private readonly now: () => Date = () => new Date(),
    private readonly marginMs = 5 * 60_000,
  ) {}

  async current(): Promise<string> {
    const at = this.now().getTime();
    if (this.cached && this.cached.expiresAt - this.marginMs > at) return this.cached.token;
    this.minting ??= this.mint()
      .then((m) => {
        this.cached = { token: m.token, expiresAt: at + m.expiresInSeconds * 1000 };
        return m.token;
      })
      .finally(() => {
        this.minting = undefined;
      });
    return this.minting;
  }

  refused(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }
}

/**
 * Asks a token endpoint for a token and checks the answer with `schema`. An unreachable endpoint,
 * a non-200 or an answer of the wrong shape is SourceUnavailableError: `${refused}: <status> <error>`
 * (the body's `error` field only, so no credential sent in the request can end up in a message).
 */
export async function requestToken<T>(
  endpoint: { url: string; name: string; refused: string },
  init: { headers: Record<string, string>; body: string; timeoutMs?: number },
  schema: z.ZodType<T>,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(endpoint.url, {
      method: 'POST',
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(init.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new SourceUnavailableError(`${endpoint.name} unreachable: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const body = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (response.status === 200 && parsed.success) return parsed.data;
  const reason = (body as { error?: unknown } | undefined)?.error;
  const named = typeof reason === 'string' || typeof reason === 'number' ? ` ${reason}` : '';
  throw new SourceUnavailableError(`${endpoint.refused}: ${response.status}${named}`);
}

/** Runs `call` with the current token; if the API refuses it, once more with a freshly minted one. */
export async function withToken<T>(
  tokens: AccessTokens | undefined,
  call: (token: string | undefined) => Promise<T>,
): Promise<T> {
  const token = await tokens?.current();
  try {
    return await call(token);
  } catch (error) {
    if (!(error instanceof TokenRefusedError) || !tokens || token === undefined) throw error;
    tokens.refused(token);
    const fresh = await tokens.current();
    if (fresh === token) throw error;
    return call(fresh);
  }
}
