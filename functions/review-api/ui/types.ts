/** The API's shapes as the page reads them (the server's zod schemas are the contract). */

export interface BreakdownEntry {
  ruleId: string;
  kind: string;
  points: number;
  evidence: string;
  postId?: string;
}

export interface Profile {
  source: string;
  authorId: string;
  handle: string;
  name: string;
  bio: string;
  followers: number;
  url?: string;
  location?: string;
}

/** What a review card shows first: the post that scored, and the words in it to highlight. */
export interface ScoringPost {
  postId: string;
  text: string;
  url: string;
  at: string;
  campaignIds: string[];
  highlights: string[];
  /** Words the intent model leaned on (marked apart from the rules' phrases). */
  modelCues?: string[];
}

export interface Lead {
  key: string;
  profile: Profile;
  state: string;
  score: number;
  breakdown: BreakdownEntry[];
  definitionVersion?: number;
  /** A–D when the definition grades fit. */
  fitGrade?: string;
  campaignIds: string[];
  updatedAt: string;
  revision?: number;
  /** Added by the review list: the post first, the breakdown in words. */
  scoringPost?: ScoringPost;
  why?: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
