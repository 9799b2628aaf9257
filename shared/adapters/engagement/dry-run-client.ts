import type { EngagementTask } from '../../domain/engagement-task.ts';
import type { EngagementClient } from '../../ports/engagement-client.ts';

/**
 * The default: says what a live run would do and touches nothing. Going live is a deliberate
 * configuration change (ENGAGE_MODE=live), never a default.
 */
export class DryRunEngagementClient implements EngagementClient {
  readonly mode = 'dry-run' as const;

  async execute(task: EngagementTask): Promise<{ summary: string }> {
    const target = task.postId ? `post ${task.postId}` : `prospect ${task.prospectKey}`;
    return { summary: `dry-run: would ${task.kind} on ${target} (${task.draft.length} chars)` };
  }

  /** Nothing was ever sent, so there is nothing to find. */
  async findReply(): Promise<undefined> {
    return undefined;
  }
}
