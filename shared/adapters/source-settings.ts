import { type AccessTokens, FixedToken } from './access-tokens.ts';

/** What every non-X source adapter is configured with; each adds its own knobs. */
export interface SourceSettings {
  /** The real API by default; the local fake server in tests. */
  baseUrl?: string;
  /** A bearer token minted and refreshed outside Prospector (sources that need none ignore it). */
  token?: string;
  /** Tokens Prospector mints and refreshes itself (wins over `token`). */
  tokens?: AccessTokens;
  timeoutMs?: number;
  /** Turns relative rate-limit resets into times; tests pass their clock. */
  now?: () => Date;
}

/** The adapter's token source: `tokens`, else the fixed `token`, else none. */
export function tokensOf(settings: SourceSettings): AccessTokens | undefined {
  return settings.tokens ?? (settings.token ? new FixedToken(settings.token) : undefined);
}
