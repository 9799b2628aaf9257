import { describe, expect, it } from 'vitest';
import { definitionInWords } from '../../shared/domain/definition-in-words.ts';
import { testDefinition } from '../support/definition.ts';

describe('definitionInWords', () => {
  it('says the bar and each rule as a sentence, keeping the rule id beside it', () => {
    const words = definitionInWords(testDefinition());

    expect(words.summary[0]).toBe(
      'A lead becomes an MQL at 50 points and goes to review from 25 points; below that it nurtures.',
    );
    expect(words.sections.map((s) => s.title)).toEqual([
      'Who they are (fit, counted once)',
      'What they said (intent, per post, decaying)',
      'Never qualify (disqualifiers)',
    ]);
    expect(words.sections[0]?.rules).toEqual([
      { id: 'fit.exec', text: '+20 points when the bio mentions “VP”, “CTO” or “head of”' },
      { id: 'fit.followers', text: '+5 points with between 100 and 10,000 followers' },
      { id: 'fit.age', text: '+5 points when the account is at least 365 days old' },
      { id: 'fit.url', text: '+10 points when the profile links a company website' },
    ]);
    expect(words.sections[2]?.rules[0]).toEqual({
      id: 'dq.recruiter',
      text: 'out when the bio mentions “recruiter”',
    });
  });

  it('shortens long lists, words negative points and model bands, and explains adjustments', () => {
    const handles = Array.from({ length: 20 }, (_, i) => `h${i}`);
    const words = definitionInWords(
      testDefinition({
        fit: [{ id: 'fit.student', kind: 'fit.keyword', field: 'bio', terms: ['student'], points: -15 }],
        intent: [
          {
            id: 'intent.model',
            kind: 'intent.model',
            bands: [
              { min: 0.4, points: 25 },
              { min: 0.7, points: 40 },
            ],
          },
        ],
        disqualifiers: [{ id: 'dq.handle', kind: 'dq.handle', handles }],
        adjustments: [{ id: 'adj.reddit', source: 'reddit', mqlDelta: 10 }],
      }),
    );
    const rules = words.sections.flatMap((s) => s.rules.map((r) => r.text));

    expect(rules).toContain('−15 points when the bio mentions “student”');
    expect(rules).toContain(
      "the intent model's confidence that a post shows buying intent gives +25 points from 40%, +40 points from 70%",
    );
    expect(rules.find((r) => r.startsWith('out when the handle'))).toMatch(/“h7” or 12 more$/);
    expect(rules).toContain('leads from reddit: raises the MQL bar by 10 points');
    expect(words.summary.at(-1)).toMatch(/raises the bar most counts/);
  });
});
