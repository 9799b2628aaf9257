import type { PostLabel } from '../../domain/post-label.ts';
import type { LabelStore } from '../../ports/label-store.ts';
import type { Page } from '../../ports/lead-store.ts';

/**
 * Labels in memory, for tests and for training runs fed from a file. `livePosts` says which
 * (lead, post) pairs are live signals; without it every post is.
 */
export class MemoryLabelStore implements LabelStore {
  private readonly labels = new Map<string, PostLabel>();
  constructor(private readonly livePosts?: (key: string, postId: string) => boolean) {}

  async putLabel(label: PostLabel): Promise<boolean> {
    if (this.livePosts && !this.livePosts(label.key, label.postId)) return false;
    this.labels.set(`${label.key}\n${label.postId}`, { ...label });
    return true;
  }

  async listLabels(limit: number, cursor?: string): Promise<Page<PostLabel>> {
    const all = [...this.labels.values()].sort((a, b) => b.at.localeCompare(a.at));
    const start = cursor ? Number(cursor) : 0;
    const items = all.slice(start, start + limit);
    const next = start + items.length;
    return { items, nextCursor: next < all.length ? String(next) : undefined };
  }

  async listLeadLabels(key: string): Promise<PostLabel[]> {
    return [...this.labels.values()].filter((l) => l.key === key);
  }

  /** Drops one person's labels, as an erasure of their partition does in DynamoDB. */
  erase(key: string): void {
    for (const [id, label] of this.labels) if (label.key === key) this.labels.delete(id);
  }
}
