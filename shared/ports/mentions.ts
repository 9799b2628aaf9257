/** A post that mentions the brand's account, as the mentions reader needs it. */
export interface Mention {
  id: string;
  authorId: string;
  text: string;
  createdAt: string;
  /** The post it replies to, when it is a reply (`referenced_tweets` of type `replied_to`). */
  inReplyTo?: string;
}

export interface MentionsPage {
  mentions: Mention[];
  nextToken?: string;
  newestId?: string;
}

/** The connected account's mentions (`GET /2/users/:id/mentions`), newest first, paged. */
export interface MentionsSource {
  mentions(request: {
    userId: string;
    sinceId?: string;
    startTime?: string;
    paginationToken?: string;
    maxResults: number;
  }): Promise<MentionsPage>;
}
