/** What every non-X source adapter is configured with; each adds its own knobs. */
export interface SourceSettings {
  /** The real API by default; the local fake server in tests. */
  baseUrl?: string;
  /** A bearer token minted and refreshed outside the adapter (sources that need none ignore it). */
  token?: string;
  timeoutMs?: number;
  /** Turns relative rate-limit resets into times; tests pass their clock. */
  now?: () => Date;
}
