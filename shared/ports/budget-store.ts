/**
 * Monthly post-read counters (X bills every post read). Scopes are `account` and
 * `campaign#<id>`; months are `YYYY-MM` in UTC.
 */
export interface BudgetStore {
  used(scopes: readonly string[], month: string): Promise<Record<string, number>>;
  /**
   * Counts one read of `posts` posts against every scope. `readId` names that read (the same id for
   * the same page of the same walk): a retry of a write whose answer was lost must not count twice.
   */
  addUse(scopes: readonly string[], month: string, posts: number, readId: string): Promise<void>;
}
