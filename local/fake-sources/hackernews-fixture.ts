/** Raw HN Search (Algolia) objects as the fake server serves them. */
export type HnWireHit = Record<string, unknown> & {
  objectID: string;
  author: string;
  created_at: string;
  created_at_i: number;
  _tags: string[];
};
export type HnWireUser = Record<string, unknown> & { username: string };

export interface HnFixture {
  hits: HnWireHit[];
  users: HnWireUser[];
}

export interface HnFixtureSpec {
  posts: number;
  authors: number;
  now?: Date;
  /** Newest post this long ago. */
  newestAgeMs?: number;
}

/**
 * A deterministic HN fixture: every fourth item a story, the rest comments with HN's HTML; three
 * items share each second (so page boundaries split seconds); every item matches `crm`, and every
 * fifth is a buying signal.
 */
export function buildHnFixture(spec: HnFixtureSpec): HnFixture {
  const now = (spec.now ?? new Date()).getTime();
  const newest = Math.floor((now - (spec.newestAgeMs ?? 60_000)) / 1000);
  const users: HnWireUser[] = Array.from({ length: spec.authors }, (_, i) => ({
    username: `buyer${i}`,
    about: i % 2 === 0 ? 'VP Sales at <a href="https://example.com">Example Co</a> &amp; advisor' : '',
    karma: 100 + i,
    created_at: '2015-03-01T00:00:00.000Z',
    created_at_i: 1425168000,
    submission_count: 50 + i,
    comment_count: 40 + i,
    objectID: `buyer${i}`,
  }));
  const hits: HnWireHit[] = Array.from({ length: spec.posts }, (_, i) => {
    const id = String(42_000_000 + i);
    const t = newest - Math.floor((spec.posts - 1 - i) / 3) * 60;
    const author = `buyer${i % spec.authors}`;
    const common = {
      objectID: id,
      author,
      created_at: new Date(t * 1000).toISOString().replace('.000Z', 'Z'),
      created_at_i: t,
      updated_at: new Date(t * 1000 + 5000).toISOString(),
      children: [],
    };
    const signal = i % 5 === 0;
    if (i % 4 === 0) {
      return {
        ...common,
        _tags: ['story', `author_${author}`, `story_${id}`, ...(signal ? ['ask_hn'] : [])],
        title: signal ? `Ask HN: Which CRM for a 20-person sales team? #${i}` : `Show HN: a tiny crm #${i}`,
        url: signal ? null : `https://example.com/crm/${i}`,
        story_text: signal ? '<p>We are evaluating a new crm &amp; need &quot;pipeline&quot; views.' : null,
        story_id: Number(id),
        points: 1 + (i % 7),
        num_comments: i % 3,
      };
    }
    const story = 41_000_000 + i;
    return {
      ...common,
      _tags: ['comment', `author_${author}`, `story_${story}`],
      comment_text: signal
        ? `We are evaluating a new crm, any recommendations? #${i}<p>Budget is approved &amp; we&#x27;d switch.`
        : `crm thoughts number ${i} &#x2F; <i>not buying</i>`,
      story_id: story,
      parent_id: story,
      story_title: 'Ask HN: CRM',
      story_url: null,
      points: null,
      num_comments: null,
    };
  });
  return { hits, users };
}
