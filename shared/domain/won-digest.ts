import type { WonRecord } from './sales-records.ts';

/** What the weekly digest carries per customer: names, company, deal, source, days to close. No post text, no bio. */
export interface WonDigestEntry {
  leadKey: string;
  name: string;
  handle: string;
  company?: string;
  deal: { value: number; currency: string; closeDate: string };
  source: string;
  campaign: string;
  daysToWon: number | null;
  wonBy: string;
}

export interface WonDigest {
  from: string;
  to: string;
  customers: WonDigestEntry[];
}

export function wonDigest(records: readonly WonRecord[], from: string, to: string): WonDigest {
  return {
    from,
    to,
    customers: records.map((r) => ({
      leadKey: r.leadKey,
      name: r.name,
      handle: r.handle,
      ...(r.company ? { company: r.company } : {}),
      deal: r.deal,
      source: r.cohort.source,
      campaign: r.cohort.campaign,
      daysToWon: r.daysToWon,
      wonBy: r.wonBy,
    })),
  };
}

/**
 * Slack reads `<...>` as links and mentions and `&` as an entity start; a customer named
 * `<!channel>` must not ping anyone. Its documented escaping covers exactly these three.
 */
export function escapeChat(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const money = (d: WonDigestEntry['deal']) =>
  `${d.currency} ${d.value.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;

export function wonDigestText(digest: WonDigest, shown = 20): string {
  const n = digest.customers.length;
  const title = `${n === 1 ? '1 customer' : `${n} customers`} won from ${digest.from.slice(0, 10)} to ${digest.to.slice(0, 10)}`;
  const lines = digest.customers.slice(0, shown).map((c) => {
    const who = escapeChat(c.name || c.handle);
    const company = c.company ? ` at ${escapeChat(c.company)}` : '';
    const days = c.daysToWon === null ? '' : `, ${c.daysToWon} days from first signal`;
    return `- ${who} (@${escapeChat(c.handle)})${company}: ${money(c.deal)} via ${escapeChat(c.source)} / ${escapeChat(c.campaign)}${days}`;
  });
  const more = n > shown ? [`…and ${n - shown} more on the won customers page`] : [];
  return [title, ...lines, ...more].join('\n');
}
