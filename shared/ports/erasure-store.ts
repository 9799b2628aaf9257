/** What an erasure removed, and what a check afterwards still found (both must come back zero). */
export interface ErasureReport {
  leadItemsDeleted: number;
  postsDeleted: number;
  remainingLeadItems: number;
  remainingPosts: number;
}

/**
 * Erasing a person on request: everything we hold about them goes, and a tombstone without
 * personal data keeps discovery from storing them again.
 */
export interface ErasureStore {
  erase(key: string, requestedBy: string, now: Date): Promise<ErasureReport>;
  isErased(key: string): Promise<boolean>;
}
