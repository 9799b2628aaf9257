import { describe, expect, it } from 'vitest';
import { chatText, mqlNotice, noticeText } from '../../shared/domain/mql-notice.ts';
import type { ProspectProfile } from '../../shared/domain/prospect.ts';

const profile: ProspectProfile = {
  source: 'x',
  authorId: '1',
  handle: 'ana',
  name: 'Ana López',
  bio: 'VP Sales at Example Co',
  profileUrl: 'https://x.com/ana',
  followers: 10,
  following: 1,
  postsCount: 1,
  verified: false,
};
const breakdown = [
  { ruleId: 'fit.url', kind: 'fit.url', points: 5, evidence: 'a.io' },
  { ruleId: 'intent.shop', kind: 'intent.phrase', points: 30, evidence: 'evaluating a new CRM' },
  { ruleId: 'fit.junior', kind: 'fit.title', points: -12, evidence: 'intern' },
  { ruleId: 'fit.exec', kind: 'fit.title', points: 20, evidence: 'VP Sales' },
  { ruleId: 'engagement.none', kind: 'engagement.replied', points: 0, evidence: '' },
];

describe('the MQL notice sales receives', () => {
  it('names the person and the strongest rules, and carries no bio or evidence text', () => {
    const notice = mqlNotice({ key: 'x#1', profile, score: 82, breakdown }, 'scoring');

    expect(notice).toEqual({
      key: 'x#1',
      source: 'x',
      name: 'Ana López',
      handle: 'ana',
      profileUrl: 'https://x.com/ana',
      score: 82,
      reasons: ['intent.shop +30', 'fit.exec +20', 'fit.junior -12'],
      by: 'scoring',
    });
    expect(JSON.stringify(notice)).not.toMatch(/Example Co|evaluating/);
  });

  it('puts a batch in one message, says who moved a lead by hand, and counts what it leaves out', () => {
    const one = mqlNotice({ key: 'x#1', profile, score: 82, breakdown }, 'scoring');
    const many = [
      { ...one, by: 'maria' },
      ...Array.from({ length: 11 }, (_, i) => ({ ...one, key: `x#${i + 2}` })),
    ];

    const text = noticeText(many);

    expect(text.split('\n')[0]).toBe('12 new MQLs');
    expect(text).toContain(
      '- Ana López (@ana on x): score 82, moved by maria; intent.shop +30, fit.exec +20, fit.junior -12 https://x.com/ana',
    );
    expect(text.split('\n')).toHaveLength(1 + 10 + 1);
    expect(text.split('\n').at(-1)).toBe('…and 2 more in the review queue');
    expect(noticeText([one]).split('\n')[0]).toBe('1 new MQL');
  });

  it('escapes hostile display names per Slack: no channel ping, no disguised link, no forged line', () => {
    const hostile = {
      ...profile,
      name: '<!channel> <https://evil.example|Open Salesforce>\n- Fake (@ceo on x): score 99',
      handle: 'a&b<c>',
    };
    const text = noticeText([mqlNotice({ key: 'x#1', profile: hostile, score: 82, breakdown }, '<@U123>')]);

    expect(text).toContain(
      '&lt;!channel&gt; &lt;https://evil.example|Open Salesforce&gt; - Fake (@ceo on x)',
    );
    expect(text).toContain('(@a&amp;b&lt;c&gt; on x)');
    expect(text).toContain('moved by &lt;@U123&gt;');
    expect(text).not.toMatch(/<|>/);
    expect(text.split('\n')).toHaveLength(2);
    expect(chatText('fine & dandy')).toBe('fine &amp; dandy');
  });
});
