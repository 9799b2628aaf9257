import { describe, expect, it } from 'vitest';
import type { ProspectProfile } from '../../shared/domain/prospect.ts';
import { compileDefinition, mqlThresholdFor, scoreProspect } from '../../shared/domain/scoring.ts';
import type { Signal } from '../../shared/domain/signal.ts';
import { testDefinition } from '../support/definition.ts';

const now = new Date('2026-11-20T12:00:00.000Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

function profile(overrides: Partial<ProspectProfile> = {}): ProspectProfile {
  return {
    source: 'x',
    authorId: '1',
    handle: 'ana',
    name: 'Ana',
    bio: 'sales person',
    followers: 50,
    following: 10,
    postsCount: 100,
    accountCreatedAt: daysAgo(100),
    verified: false,
    ...overrides,
  };
}

function signal(text: string, ageDays = 0, overrides: Partial<Signal> = {}): Signal {
  return {
    postId: `p${text.length}${ageDays}`,
    postKind: 'original',
    campaignIds: ['crm'],
    at: daysAgo(ageDays),
    text,
    url: 'https://x.com/a/status/1',
    ...overrides,
  };
}

const compiled = compileDefinition(testDefinition());

describe('scoreProspect', () => {
  it('adds fit points once and explains each with its evidence', () => {
    const p = profile({
      bio: 'Head of Sales, VP energy',
      followers: 500,
      accountCreatedAt: daysAgo(400),
      url: 'https://acme.io',
    });

    const r = scoreProspect(compiled, p, [signal('evaluating tools')], now);

    expect(r.fitPoints).toBe(40);
    expect(r.breakdown.filter((b) => b.kind.startsWith('fit.'))).toEqual([
      { ruleId: 'fit.exec', kind: 'fit.keyword', points: 20, evidence: 'Head of' },
      { ruleId: 'fit.followers', kind: 'fit.followers', points: 5, evidence: '500 followers' },
      { ruleId: 'fit.age', kind: 'fit.accountAge', points: 5, evidence: 'account 400 days old' },
      { ruleId: 'fit.url', kind: 'fit.companyUrl', points: 10, evidence: 'https://acme.io' },
    ]);
  });

  it('matches keywords as whole words only', () => {
    const r = scoreProspect(
      compiled,
      profile({ bio: 'director of vpn services' }),
      [signal('evaluating')],
      now,
    );

    expect(r.breakdown.some((b) => b.ruleId === 'fit.exec')).toBe(false);
  });

  it('counts each intent rule per post: phrase, competitor and question', () => {
    const r = scoreProspect(
      compiled,
      profile(),
      [signal('Evaluating a move off HubSpot, recommendations?')],
      now,
    );

    expect(r.breakdown.filter((b) => b.kind.startsWith('intent.'))).toEqual([
      {
        ruleId: 'intent.shop',
        kind: 'intent.phrase',
        points: 30,
        evidence: 'Evaluating',
        postId: expect.any(String),
      },
      {
        ruleId: 'intent.rival',
        kind: 'intent.competitor',
        points: 10,
        evidence: 'HubSpot',
        postId: expect.any(String),
      },
      {
        ruleId: 'intent.ask',
        kind: 'intent.question',
        points: 5,
        evidence: 'question',
        postId: expect.any(String),
      },
    ]);
    expect(r.intentPoints).toBe(45);
  });

  it('halves intent points every half-life', () => {
    const fresh = scoreProspect(compiled, profile(), [signal('evaluating', 0)], now);
    const old = scoreProspect(compiled, profile(), [signal('evaluating', 10)], now);
    const older = scoreProspect(compiled, profile(), [signal('evaluating', 20)], now);

    expect([fresh.intentPoints, old.intentPoints, older.intentPoints]).toEqual([30, 15, 7.5]);
  });

  it('ignores retweets: the retweeter did not write the words', () => {
    const r = scoreProspect(
      compiled,
      profile(),
      [signal('RT @x: evaluating CRMs', 0, { postKind: 'retweet' })],
      now,
    );

    expect(r.intentPoints).toBe(0);
    expect(r.state).toBe('nurture');
  });

  it('keeps a prospect with fit but no intent in nurture when intent is required', () => {
    const p = profile({
      bio: 'VP Sales',
      followers: 500,
      accountCreatedAt: daysAgo(400),
      url: 'https://a.io',
    });
    const r = scoreProspect(
      compileDefinition(testDefinition({ thresholds: { mql: 30, reviewFloor: 10, requireIntent: true } })),
      p,
      [signal('nice weather')],
      now,
    );

    expect(r.score).toBe(40);
    expect(r.state).toBe('nurture');
  });

  it.each([
    ['exactly the MQL threshold is an MQL', 50, 'mql'],
    ['just under it goes to review', 49.99, 'review'],
    ['exactly the review floor goes to review', 25, 'review'],
    ['just under the floor is nurture', 24.99, 'nurture'],
  ])('%s', (_label, points, expected) => {
    const def = compileDefinition(
      testDefinition({
        fit: [],
        intent: [{ id: 'intent.x', kind: 'intent.phrase', phrases: ['buy'], points }],
      }),
    );

    expect(scoreProspect(def, profile(), [signal('we buy')], now).state).toBe(expected);
  });

  it.each([
    ['a recruiter bio', { bio: 'Tech Recruiter @ Hire' }, 'dq.recruiter'],
    ['a listed handle', { handle: 'OurCompetitor' }, 'dq.handle'],
    [
      'a bot: new, prolific, unfollowed',
      { accountCreatedAt: daysAgo(10), postsCount: 5_000, followers: 3 },
      'dq.bot',
    ],
  ])('disqualifies %s whatever the points', (_label, overrides, rule) => {
    const r = scoreProspect(
      compiled,
      profile({ ...overrides, url: 'https://a.io' }),
      [signal('evaluating HubSpot alternatives?')],
      now,
    );

    expect(r).toMatchObject({ state: 'disqualified', score: 0, disqualifiedBy: rule });
    expect(r.breakdown).toHaveLength(1);
  });

  it('does not call an established, followed account a bot', () => {
    const r = scoreProspect(
      compiled,
      profile({ accountCreatedAt: daysAgo(1000), postsCount: 5_000, followers: 3 }),
      [signal('evaluating')],
      now,
    );

    expect(r.state).not.toBe('disqualified');
  });

  it('raises the MQL bar for a weak campaign, so its leads are nurtured longer', () => {
    const def = testDefinition({
      adjustments: [
        { id: 'adj.weak', campaignId: 'weak', mqlDelta: 20 },
        { id: 'adj.x', source: 'x', mqlDelta: 5 },
      ],
    });
    const c = compileDefinition(def);
    const fit = profile({ bio: 'VP', url: 'https://a.io' });

    const strong = scoreProspect(c, fit, [signal('evaluating')], now);
    const weak = scoreProspect(c, fit, [signal('evaluating', 0, { campaignIds: ['weak'] })], now);

    expect(strong.score).toBe(weak.score);
    expect([strong.mqlThreshold, strong.state]).toEqual([55, 'mql']);
    expect([weak.mqlThreshold, weak.state]).toEqual([70, 'review']);
    expect(mqlThresholdFor(def, 'x', new Set())).toBe(55);
  });

  it('records the definition version it scored under', () => {
    const c = compileDefinition(testDefinition({ version: 7 }));

    expect(scoreProspect(c, profile(), [signal('hello')], now).definitionVersion).toBe(7);
  });
});
