import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from '../../shared/adapters/dynamodb/table.ts';
import { type Cursor, CursorSchema } from '../../shared/domain/campaign.ts';
import { type LeadEvent, LeadEventSchema, type LeadState } from '../../shared/domain/lead-state.ts';

/** The table read item by item, bypassing every store: what is really there after a faulty run. */
export interface Recount {
  /** Post ids, sorted, with the campaigns each was tagged with. */
  posts: Map<string, string[]>;
  leads: Map<string, { state: LeadState; pending: boolean }>;
  /** Each lead's events in table order (time, then revision). */
  events: Map<string, LeadEvent[]>;
  /** Each lead's tasks: id and the post it answers. */
  tasks: Map<string, { id: string; kind: string; postId?: string; status: string }[]>;
  /** Signals (evidence) per lead, by post id. */
  signals: Map<string, string[]>;
  cursors: Map<string, Cursor>;
  /** Posts read per budget scope (`account`, `campaign#<id>`), all months together. */
  budgets: Map<string, number>;
}

const push = <V>(map: Map<string, V[]>, key: string, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Scans the whole table (a recount for tests and fault runs; never an access pattern of ours). */
export async function recountTable(table: Table): Promise<Recount> {
  const out: Recount = {
    posts: new Map(),
    leads: new Map(),
    events: new Map(),
    tasks: new Map(),
    signals: new Map(),
    cursors: new Map(),
    budgets: new Map(),
  };
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new ScanCommand({ TableName: table.name, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  items.sort((a, b) => String(a.pk).localeCompare(String(b.pk)) || String(a.sk).localeCompare(String(b.sk)));
  for (const item of items) {
    const pk = String(item.pk);
    const sk = String(item.sk);
    if (pk.startsWith('POST#')) {
      out.posts.set(pk.slice('POST#'.length), [...((item.campaignIds as Set<string>) ?? [])].sort());
    } else if (pk.startsWith('LEAD#')) {
      const key = pk.slice('LEAD#'.length);
      if (sk === '#LEAD')
        out.leads.set(key, { state: item.state as LeadState, pending: item.gsi3pk !== undefined });
      else if (sk.startsWith('EVENT#')) push(out.events, key, LeadEventSchema.parse(item.event));
      else if (sk.startsWith('SIGNAL#')) push(out.signals, key, sk.slice('SIGNAL#'.length));
      else if (sk.startsWith('TASK#')) {
        const task = item.task as { id: string; kind: string; postId?: string };
        push(out.tasks, key, {
          id: task.id,
          kind: task.kind,
          postId: task.postId,
          status: String(item.status),
        });
      }
    } else if (pk === 'CAMPAIGN') {
      out.cursors.set(sk, CursorSchema.parse(item.cursor ?? {}));
    } else if (pk.startsWith('BUDGET#')) {
      const scope = pk.slice('BUDGET#'.length);
      out.budgets.set(scope, (out.budgets.get(scope) ?? 0) + Number(item.read ?? 0));
    }
  }
  return out;
}
