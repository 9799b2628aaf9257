/**
 * The slice of a structured logger the use cases need (Powertools' Logger fits it). Callers pass
 * ids and counts only: post text and profiles are personal data and stay out of info logs.
 */
export interface Log {
  debug(message: string, extra?: Record<string, unknown>): void;
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

export const silentLog: Log = { debug() {}, info() {}, warn() {}, error() {} };
