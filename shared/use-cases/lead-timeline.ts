import { buildTimeline, modelVersionOf, NOT_STORED, type TimelineEntry } from '../domain/lead-timeline.ts';
import type { LeadStore } from '../ports/lead-store.ts';
import type { TaskStore } from '../ports/task-store.ts';
import { leadDetail } from './review-prospect.ts';

export interface LeadTimeline {
  key: string;
  name: string;
  handle: string;
  state: string;
  score: number;
  definitionVersion?: number;
  modelVersion?: string;
  entries: TimelineEntry[];
  notStored: string[];
}

/** A lead's whole stored story, oldest first, and what is not stored (LeadNotFoundError if none). */
export async function leadTimeline(
  deps: { leads: LeadStore; tasks: TaskStore },
  key: string,
): Promise<LeadTimeline> {
  const { lead, events, signals, tasks } = await leadDetail(deps, key);
  const modelVersion = modelVersionOf(lead.breakdown);
  return {
    key,
    name: lead.profile.name,
    handle: lead.profile.handle,
    state: lead.state,
    score: lead.score,
    ...(lead.definitionVersion !== undefined ? { definitionVersion: lead.definitionVersion } : {}),
    ...(modelVersion ? { modelVersion } : {}),
    entries: buildTimeline({ signals, events, tasks, engagement: lead.engagement }),
    notStored: [...NOT_STORED],
  };
}
