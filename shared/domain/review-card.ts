import type { BreakdownEntry } from './scoring.ts';
import type { Signal } from './signal.ts';

/**
 * What a reviewer reads first on a card, derived from stored data only: the post that earned the
 * most intent points (the post is the evidence, the score only summarises it), the words in it
 * that scored (phrases and competitor names exactly as the rules matched them), and the
 * breakdown in words rather than rule ids.
 */
export interface ScoringPost {
  postId: string;
  text: string;
  url: string;
  at: string;
  campaignIds: string[];
  /** Matched phrases and competitor names to mark in the text (the UI splits the text on them). */
  highlights: string[];
  /** Words the intent model leaned on, as written in the post (see model-cues.ts); set by the use case. */
  modelCues?: string[];
}

/** Rule kinds whose evidence is a span of the post's text. */
const TEXT_EVIDENCE = new Set(['intent.phrase', 'intent.competitor']);
const MAX_POST_CHARS = 2_000;

/** The post that scored the most (ties: the newest); the newest post when no rule named one. */
export function scoringPost(
  breakdown: readonly BreakdownEntry[],
  signals: readonly Signal[],
): ScoringPost | undefined {
  if (!signals.length) return undefined;
  const points = new Map<string, number>();
  for (const b of breakdown) if (b.postId) points.set(b.postId, (points.get(b.postId) ?? 0) + b.points);
  const best = [...signals].sort(
    (a, b) =>
      (points.get(b.postId) ?? -Infinity) - (points.get(a.postId) ?? -Infinity) || b.at.localeCompare(a.at),
  )[0]!;
  const highlights = [
    ...new Set(
      breakdown
        .filter((b) => b.postId === best.postId && TEXT_EVIDENCE.has(b.kind) && b.evidence.trim())
        .map((b) => b.evidence),
    ),
  ];
  return {
    postId: best.postId,
    text: best.text.slice(0, MAX_POST_CHARS),
    url: best.url,
    at: best.at,
    campaignIds: best.campaignIds,
    highlights,
  };
}

const signed = (n: number) => `${n >= 0 ? '+' : ''}${n}`;

/** `fit.title.executive` → "executive title"; `intent.shopping` → "shopping". */
function ruleName(ruleId: string): string {
  const parts = ruleId.split('.').slice(1).join(' ').replace(/[-_]/g, ' ').split(' ').filter(Boolean);
  return parts.length === 2 ? `${parts[1]} ${parts[0]}` : parts.join(' ') || ruleId;
}

/**
 * One breakdown entry as a sentence a marketer reads: "Head of RevOps: executive title +20",
 * "“alternative to”: buying phrase (shopping) +15". The rule id stays available in the breakdown.
 */
export function breakdownInWords(b: BreakdownEntry): string {
  const pts = signed(b.points);
  switch (b.kind) {
    case 'fit.keyword':
      return `${b.evidence}: ${ruleName(b.ruleId)} ${pts}`;
    case 'fit.followers':
      return `${b.evidence}: in the target range ${pts}`;
    case 'fit.accountAge':
      return `${b.evidence}: established account ${pts}`;
    case 'fit.companyUrl':
      return `company site ${b.evidence} ${pts}`;
    case 'intent.phrase':
      return `“${b.evidence}”: ${b.points < 0 ? 'negative phrase' : 'buying phrase'} (${ruleName(b.ruleId)}) ${pts}`;
    case 'intent.competitor':
      return `“${b.evidence}”: names a competitor ${pts}`;
    case 'intent.question':
      return `asks a question ${pts}`;
    case 'intent.model':
      return `intent model ${b.evidence} ${pts}`;
    case 'engagement.replied':
      return `replied to us (${b.evidence}) ${pts}`;
    case 'engagement.followedBack':
      return `followed us back (${b.evidence}) ${pts}`;
    case 'engagement.mentioned':
      return `mentioned us (${b.evidence}) ${pts}`;
    default:
      return b.kind.startsWith('dq.')
        ? `disqualified: ${b.evidence} (${ruleName(b.ruleId)})`
        : `${b.evidence}: ${ruleName(b.ruleId)} ${pts}`;
  }
}
