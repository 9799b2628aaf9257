/**
 * Monthly post-read counters (X bills every post read). Scopes are `account` and
 * `campaign#<id>`; months are `YYYY-MM` in UTC.
 */
export interface BudgetStore {
  used(scopes: readonly string[], month: string): Promise<Record<string, number>>;
  addUse(scopes: readonly string[], month: string, posts: number): Promise<void>;
}
