import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseSearchPage } from '../../shared/adapters/x/normalise.ts';
import type { Engagement } from '../../shared/domain/engagement.ts';
import { type MqlDefinition, MqlDefinitionDraftSchema } from '../../shared/domain/mql-definition.ts';
import type { ProspectProfile } from '../../shared/domain/prospect.ts';
import type { IntentScorer } from '../../shared/domain/scoring.ts';
import type { Signal } from '../../shared/domain/signal.ts';

const root = join(import.meta.dirname, '..', '..');

/** One prospect of the sample feed with every post they wrote, as scoring sees them. */
export interface FixtureProspect {
  profile: ProspectProfile;
  signals: Signal[];
  engagement: Engagement[];
}

/**
 * A scorer that depends on the text alone (FNV-1a hash), so the golden scores of the fixture set
 * stay fixed when the shipped intent model changes: the test is about the scoring rules only.
 */
export const hashScorer: IntentScorer = {
  version: 'fixture-hash',
  probability(text: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return (h % 1000) / 1000;
  },
};

/** The sample feed's authors and posts, with a reply or a mention on every seventh prospect. */
export function sampleFeedProspects(): { now: Date; prospects: FixtureProspect[] } {
  const feed = JSON.parse(readFileSync(join(root, 'data', 'sample-feed', 'feed.json'), 'utf8'));
  const page = normaliseSearchPage({
    data: feed.tweets,
    includes: { users: feed.users },
    meta: { result_count: feed.tweets.length },
  });
  const byAuthor = new Map<string, Signal[]>();
  for (const p of page.posts) {
    const list = byAuthor.get(p.authorId) ?? [];
    list.push({
      postId: p.id,
      postKind: p.kind,
      campaignIds: ['fixture'],
      at: p.createdAt,
      text: p.text,
      url: p.url,
    });
    byAuthor.set(p.authorId, list);
  }
  const prospects = [...page.authors.values()]
    .sort((a, b) => a.authorId.localeCompare(b.authorId))
    .map((profile, i): FixtureProspect => {
      const signals = byAuthor.get(profile.authorId) ?? [];
      const first = signals[0];
      const engagement: Engagement[] =
        i % 7 === 0 && first
          ? [{ kind: i % 2 ? 'replied' : 'mentioned', at: first.at, postId: first.postId }]
          : [];
      return { profile, signals, engagement };
    });
  return { now: new Date(feed.anchor), prospects };
}

/** A definition file from the repo, published as version 1 so it can be compiled. */
export function publishedFromFile(path: string): MqlDefinition {
  const draft = MqlDefinitionDraftSchema.parse(JSON.parse(readFileSync(join(root, path), 'utf8')));
  return { ...draft, version: 1, author: 'fixture', note: '', publishedAt: '2026-11-01T00:00:00.000Z' };
}
