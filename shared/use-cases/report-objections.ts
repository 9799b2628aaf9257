import type { FeedbackCodes } from '../domain/feedback-codes.ts';
import type { FeedbackRecord } from '../domain/sales-records.ts';
import type { CampaignStore } from '../ports/campaign-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { FeedbackCodeStore } from '../ports/feedback-code-store.ts';
import type { FunnelStore } from '../ports/funnel-store.ts';
import { codesInForce } from './record-sales-decision.ts';
import { reportUntil } from './report-funnel.ts';

export const OBJECTION_GROUPINGS = ['campaign', 'product', 'month', 'source'] as const;
export type ObjectionGrouping = (typeof OBJECTION_GROUPINGS)[number];

export interface CodeCount {
  code: string;
  label: string;
  /** `reason`: why sales rejected or lost it; `objection`: what the prospect said. */
  kind: 'reason' | 'objection';
  count: number;
}

export interface ObjectionGroup {
  key: string;
  decisions: number;
  top: CodeCount[];
  /** The notes behind the codes, newest first; only for callers allowed to read them. */
  notes?: { at: string; leadKey: string; code?: string; objection?: string; note: string }[];
}

const YEAR = 365 * 86_400_000;

function keyOf(r: FeedbackRecord, by: ObjectionGrouping, products: Map<string, string>): string {
  switch (by) {
    case 'campaign':
      return r.cohort.campaign;
    case 'product':
      return products.get(r.cohort.campaign) ?? 'unknown product';
    case 'month':
      return r.at.slice(0, 7);
    case 'source':
      return r.cohort.source;
  }
}

function countCodes(records: FeedbackRecord[], codes: FeedbackCodes): CodeCount[] {
  const label = new Map(codes.codes.map((c) => [c.id, c.label]));
  const counts = new Map<string, CodeCount>();
  const bump = (code: string, kind: CodeCount['kind']) => {
    const id = `${kind}:${code}`;
    const c = counts.get(id) ?? { code, label: label.get(code) ?? code, kind, count: 0 };
    c.count += 1;
    counts.set(id, c);
  };
  for (const r of records) {
    if (r.code) bump(r.code, 'reason');
    if (r.objection) bump(r.objection, 'objection');
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/**
 * The reasons and objections sales heard, by campaign, product, month or source, so marketing can
 * write the content that answers them. Reads the month index of decisions, never the table.
 */
export async function reportObjections(
  deps: { funnel: FunnelStore; campaigns: CampaignStore; codes: FeedbackCodeStore; clock: Clock },
  input: { by: ObjectionGrouping; since?: string; includeNotes: boolean; notesPerGroup?: number },
): Promise<{ by: ObjectionGrouping; since: string; groups: ObjectionGroup[] }> {
  const now = deps.clock.now();
  const since = input.since ?? new Date(now.getTime() - YEAR).toISOString();
  const [records, campaigns, codes] = await Promise.all([
    deps.funnel.listFeedback(since, reportUntil(now)),
    deps.campaigns.listCampaigns(),
    codesInForce(deps.codes),
  ]);
  const products = new Map(campaigns.map((c) => [c.id, c.product]));
  const withCodes = records.filter((r) => r.code || r.objection);
  const byKey = new Map<string, FeedbackRecord[]>();
  for (const r of withCodes) {
    const key = keyOf(r, input.by, products);
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const groups = [...byKey].map(([key, rs]) => ({
    key,
    decisions: rs.length,
    top: countCodes(rs, codes),
    ...(input.includeNotes
      ? {
          notes: rs
            .filter((r) => r.note)
            .sort((a, b) => b.at.localeCompare(a.at))
            .slice(0, input.notesPerGroup ?? 20)
            .map((r) => ({
              at: r.at,
              leadKey: r.leadKey,
              code: r.code,
              objection: r.objection,
              note: r.note,
            })),
        }
      : {}),
  }));
  groups.sort((a, b) => b.decisions - a.decisions || a.key.localeCompare(b.key));
  return { by: input.by, since, groups };
}
