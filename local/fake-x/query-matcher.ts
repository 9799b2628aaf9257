/**
 * Evaluates a parsed X search query (query-parser.ts, which documents the syntax and semantics)
 * against a tweet, as the fake X server's search does.
 */
import { type IsKind, parseQuery, type QueryNode, WORD_CHAR, words } from './query-parser.ts';

export interface MatchableTweet {
  text: string;
  lang?: string;
  referenced_tweets?: { type: string; id: string }[];
}

const HASHTAG_RE = new RegExp(`(?<![${WORD_CHAR}&#])#([${WORD_CHAR}]+)`, 'gu');
const MENTION_RE = new RegExp(`(?<![${WORD_CHAR}@])@([A-Za-z0-9_]+)`, 'gu');
const REFERENCE_TYPE: Record<IsKind, string> = { retweet: 'retweeted', reply: 'replied_to', quote: 'quoted' };

interface Analyzed {
  tweet: MatchableTweet;
  words: string[];
  wordSet: Set<string>;
  hashtags: Set<string>;
  mentions: Set<string>;
}

function analyze(tweet: MatchableTweet): Analyzed {
  const lower = tweet.text.toLowerCase();
  const ws = words(lower);
  return {
    tweet,
    words: ws,
    wordSet: new Set(ws),
    hashtags: new Set(Array.from(lower.matchAll(HASHTAG_RE), (m) => m[1]!)),
    mentions: new Set(Array.from(lower.matchAll(MENTION_RE), (m) => m[1]!)),
  };
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  if (needle.length === 1) return haystack.includes(needle[0]!);
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) {
      if (haystack[i + k] !== needle[k]) continue outer;
    }
    return true;
  }
  return false;
}

function evaluate(node: QueryNode, a: Analyzed): boolean {
  switch (node.type) {
    case 'and':
      return node.children.every((c) => evaluate(c, a));
    case 'or':
      return node.children.some((c) => evaluate(c, a));
    case 'not':
      return !evaluate(node.child, a);
    case 'term':
    case 'phrase':
      return node.words.length === 1 ? a.wordSet.has(node.words[0]!) : containsSequence(a.words, node.words);
    case 'hashtag':
      return a.hashtags.has(node.value);
    case 'mention':
      return a.mentions.has(node.value);
    case 'lang':
      return (a.tweet.lang ?? '').toLowerCase() === node.value;
    case 'is': {
      const wanted = REFERENCE_TYPE[node.value];
      return (a.tweet.referenced_tweets ?? []).some((r) => r.type === wanted);
    }
  }
}

const parseCache = new Map<string, QueryNode>();

function cachedParse(q: string): QueryNode {
  let node = parseCache.get(q);
  if (!node) {
    node = parseQuery(q);
    if (parseCache.size >= 256) parseCache.clear();
    parseCache.set(q, node);
  }
  return node;
}

export function matchesQuery(query: string | QueryNode, tweet: MatchableTweet): boolean {
  const node = typeof query === 'string' ? cachedParse(query) : query;
  return evaluate(node, analyze(tweet));
}
