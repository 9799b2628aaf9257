import { type CrmFormat, toCsv } from '../domain/crm-row.ts';
import type { LeadState } from '../domain/lead-state.ts';
import type { Clock } from '../ports/clock.ts';
import type { Lead, LeadStore } from '../ports/lead-store.ts';

/** Every lead in a state (MQLs by default), highest score first, as CRM-ready CSV. */
export async function exportLeads(
  deps: { leads: LeadStore },
  state: LeadState = 'mql',
  format: CrmFormat = 'generic',
): Promise<{ csv: string; count: number; skipped: number }> {
  const leads: Lead[] = [];
  let skipped = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.leads.listByState(state, 100, cursor);
    leads.push(...page.items);
    skipped += page.skipped ?? 0;
    cursor = page.nextCursor;
  } while (cursor);
  return { csv: toCsv(leads, format), count: leads.length, skipped };
}

/**
 * How far behind the clock an incremental export stops. The change index is eventually
 * consistent, and a write stamped at t can land a moment after t: a window that ended at "now"
 * could miss it for good, because the next window starts after it.
 */
export const SETTLE_MS = 2 * 60_000;

/** Where a pull without a watermark starts. */
const FIRST_PULL_DAYS = 30;

/** The change index is walked a day at a time, so a window is bounded; older leads: the full export. */
export const MAX_WINDOW_DAYS = 366;

export class ExportWindowError extends Error {
  constructor(since: string) {
    super(
      `since ${since} is more than ${MAX_WINDOW_DAYS} days ago; export everything once with the full export (GET /api/leads/export.csv), then go on from its time`,
    );
    this.name = 'ExportWindowError';
  }
}

export interface ChangedLeadsInput {
  /** ISO time the window starts at (inclusive): `next.since` of the previous export; a first pull starts 30 days back. */
  since?: string;
  /** `next.cursor` of the previous export, when it stopped at `maxRows`. */
  cursor?: string;
  states: readonly LeadState[];
  format: CrmFormat;
  /** Stop after the page that reaches this many rows; `next` then resumes the walk. */
  maxRows: number;
}

export interface ChangedLeadsExport {
  csv: string;
  count: number;
  /** Malformed stored leads passed over (each logged by key by the store). */
  skipped: number;
  /**
   * Where the next export starts. With a cursor the window was cut short by `maxRows`: call again
   * at once. Without, `since` is the watermark to keep until the next run.
   */
  next: { since: string; cursor?: string };
}

/**
 * The incremental CRM export: leads in `states` whose latest change falls in [since, now - settle],
 * oldest change first. A lead appears once, at its latest change, so repeated exports with the
 * returned watermark hand the CRM every change at least once (a lead changed again during a walk
 * can come twice); the CRM's import deduplicates on the prospect key.
 */
export async function exportChangedLeads(
  deps: { leads: LeadStore; clock: Clock },
  input: ChangedLeadsInput,
): Promise<ChangedLeadsExport> {
  const now = deps.clock.now().getTime();
  const since = input.since ?? new Date(now - FIRST_PULL_DAYS * 86_400_000).toISOString();
  if (Date.parse(since) < now - MAX_WINDOW_DAYS * 86_400_000) throw new ExportWindowError(since);
  const until = new Date(now - SETTLE_MS).toISOString();
  const wanted = new Set(input.states);
  const leads: Lead[] = [];
  const pageSize = Math.min(100, input.maxRows);
  let cursor = input.cursor;
  let skipped = 0;
  if (since <= until) {
    do {
      const page = await deps.leads.listChangedSince(since, until, pageSize, cursor);
      for (const lead of page.items) if (wanted.has(lead.state)) leads.push(lead);
      skipped += page.skipped ?? 0;
      cursor = page.nextCursor;
    } while (cursor && leads.length < input.maxRows);
  }
  const csv = toCsv(leads, input.format);
  if (cursor) return { csv, count: leads.length, skipped, next: { since, cursor } };
  const afterUntil = new Date(Date.parse(until) + 1).toISOString();
  return { csv, count: leads.length, skipped, next: { since: since > until ? since : afterUntil } };
}
