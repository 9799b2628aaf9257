/** A raw Reddit link (`t3`) as the fake server serves it inside a Listing. */
export type RedditWireLink = Record<string, unknown> & {
  id: string;
  name: string;
  author: string;
  created_utc: number;
  title: string;
  selftext: string;
};

export interface RedditFixture {
  links: RedditWireLink[];
}

export interface RedditFixtureSpec {
  posts: number;
  authors: number;
  now?: Date;
  /** Newest post this long ago. */
  newestAgeMs?: number;
  /** Indexes of posts whose author deleted their account (`[deleted]`, no author_fullname). */
  deleted?: readonly number[];
}

/** Reddit ids are base 36 and rise with time. */
export function redditId(i: number): string {
  return (2_000_000_000 + i).toString(36);
}

/**
 * A deterministic Reddit fixture: two posts share each second, every post matches `crm`, and every
 * fifth is a buying signal. Fields are those of a real search result, including ones we ignore.
 */
export function buildRedditFixture(spec: RedditFixtureSpec): RedditFixture {
  const now = (spec.now ?? new Date()).getTime();
  const newest = Math.floor((now - (spec.newestAgeMs ?? 60_000)) / 1000);
  const deleted = new Set(spec.deleted ?? []);
  const subreddits = ['sales', 'smallbusiness', 'CRM'];
  const links = Array.from({ length: spec.posts }, (_, i): RedditWireLink => {
    const id = redditId(i);
    const k = i % spec.authors;
    const subreddit = subreddits[i % subreddits.length] as string;
    const t = newest - Math.floor((spec.posts - 1 - i) / 2) * 60;
    const signal = i % 5 === 0;
    const gone = deleted.has(i);
    return {
      id,
      name: `t3_${id}`,
      author: gone ? '[deleted]' : `buyer${k}`,
      ...(gone ? {} : { author_fullname: `t2_${(100_000 + k).toString(36)}` }),
      title: signal ? `Which CRM for a 20-person sales team? #${i}` : `crm thoughts number ${i}`,
      selftext: signal ? 'We are evaluating a new crm & need "pipeline" views. Budget approved.' : '',
      created_utc: t,
      created: t,
      subreddit,
      subreddit_name_prefixed: `r/${subreddit}`,
      permalink: `/r/${subreddit}/comments/${id}/crm_thread_${i}/`,
      url: `https://www.reddit.com/r/${subreddit}/comments/${id}/crm_thread_${i}/`,
      domain: `self.${subreddit}`,
      is_self: true,
      over_18: false,
      score: i % 9,
      ups: i % 9,
      upvote_ratio: 1,
      num_comments: i % 4,
      num_crossposts: 0,
      link_flair_text: null,
    };
  });
  return { links };
}
