import type { Source } from './post.ts';
import type { ProspectProfile } from './prospect.ts';
import type { BreakdownEntry } from './scoring.ts';

/**
 * What sales hears when a lead becomes an MQL: who, how strong, and the rules that made it one.
 * It carries no bio and no post text (personal data stays in the table and the export); the
 * profile link and the review page hold the rest.
 */
export interface MqlNotice {
  key: string;
  source: Source;
  name: string;
  handle: string;
  profileUrl?: string;
  score: number;
  /** The strongest rules, e.g. "intent.shop +30". */
  reasons: string[];
  /** `scoring`, or the person who moved it to MQL. */
  by: string;
}

/** "intent.shop +30": one breakdown entry as sales reads it (CSV `why`, notices). */
export function formatReason(entry: Pick<BreakdownEntry, 'ruleId' | 'points'>): string {
  return `${entry.ruleId} ${entry.points >= 0 ? '+' : ''}${entry.points}`;
}

export function mqlNotice(
  lead: { key: string; profile: ProspectProfile; score: number; breakdown: readonly BreakdownEntry[] },
  by: string,
  reasons = 3,
): MqlNotice {
  const strongest = lead.breakdown
    .filter((b) => b.points !== 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .slice(0, reasons);
  return {
    key: lead.key,
    source: lead.profile.source,
    name: lead.profile.name,
    handle: lead.profile.handle,
    ...(lead.profile.profileUrl ? { profileUrl: lead.profile.profileUrl } : {}),
    score: lead.score,
    reasons: strongest.map(formatReason),
    by,
  };
}

/**
 * A value from a profile (display names are chosen by strangers) made inert in a chat message:
 * `&`, `<` and `>` escaped as Slack requires, so `<!channel>` cannot ping anyone and
 * `<https://evil|Open Salesforce>` cannot disguise a link; line breaks and other control
 * characters become spaces, so a name cannot forge a line of its own.
 */
export function chatText(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    out += c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 ? ' ' : ch;
  }
  return out.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * One plain-text chat message for a batch of notices: Slack's, Teams' and most incoming webhooks
 * show a `text` field, and plain text reads the same in all of them. Every value is escaped
 * (`chatText`); the structured `mqls` beside it carry the raw values for programs to escape.
 */
export function noticeText(notices: readonly MqlNotice[], shown = 10): string {
  const lines = notices.slice(0, shown).map((n) => {
    const via = n.by === 'scoring' ? '' : `, moved by ${chatText(n.by)}`;
    const link = n.profileUrl ? ` ${chatText(n.profileUrl)}` : '';
    const why = chatText(n.reasons.join(', ')) || 'no rule points';
    const who = chatText(n.name || n.handle);
    return `- ${who} (@${chatText(n.handle)} on ${chatText(n.source)}): score ${n.score}${via}; ${why}${link}`;
  });
  const more = notices.length > shown ? [`…and ${notices.length - shown} more in the review queue`] : [];
  const title = notices.length === 1 ? '1 new MQL' : `${notices.length} new MQLs`;
  return [title, ...lines, ...more].join('\n');
}
