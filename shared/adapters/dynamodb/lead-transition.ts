import type { FunnelChange } from '../../domain/funnel.ts';
import type { LeadEvent } from '../../domain/lead-state.ts';
import type { TransitionWrite } from '../../ports/lead-store.ts';
import { feedbackPut, funnelDeltaPut, wonPut } from './funnel-items.ts';
import { keys } from './table.ts';

const day = (iso: string) => iso.slice(0, 10);

/** Events sort by time, then by the lead revision they produced: same-millisecond events keep their order. */
export function eventPut(tableName: string, key: string, event: LeadEvent, revision: number, seq = 0) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        pk: keys.leadPartition(key),
        sk: `EVENT#${event.at}#${String(revision).padStart(10, '0')}${seq > 0 ? `.${seq}` : ''}`,
        event,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The lead attributes a funnel change sets: its cohort, the stages reached and when. */
export function funnelSet(funnel: FunnelChange | undefined): {
  set: string[];
  values: Record<string, unknown>;
} {
  if (!funnel) return { set: [], values: {} };
  return {
    set: ['cohort = :cohort', 'reached = :reached', 'stageAt = :stageAt'],
    values: {
      ':cohort': funnel.progress.cohort,
      ':reached': funnel.progress.reached,
      ':stageAt': funnel.progress.stageAt,
    },
  };
}

/**
 * The items of one decision's transaction: the lead (conditional on the revision the decider
 * saw), its events, the funnel counters of every dimension, the feedback and won records.
 */
export function transitionItems(
  tableName: string,
  key: string,
  revision: number,
  write: TransitionWrite,
  now: Date,
) {
  const nowIso = now.toISOString();
  const funnel = funnelSet(write.funnel);
  const set = [
    '#state = :to',
    'updatedAt = :now',
    'gsi1pk = :g1pk',
    'gsi2pk = :g2pk',
    'gsi2sk = :g2sk',
    '#revision = :next',
    ...funnel.set,
    ...(write.holdUntil ? ['holdUntil = :hold'] : []),
    ...(write.deal ? ['deal = :deal'] : []),
  ];
  const next = revision + 1;
  return [
    {
      Update: {
        TableName: tableName,
        Key: keys.lead(key),
        UpdateExpression: `SET ${set.join(', ')}${write.holdUntil ? '' : ' REMOVE holdUntil'}`,
        ConditionExpression: '#revision = :revision AND attribute_not_exists(erasedAt)',
        ExpressionAttributeNames: { '#state': 'state', '#revision': 'revision' },
        ExpressionAttributeValues: {
          ':to': write.to,
          ':now': nowIso,
          ':g1pk': `STATE#${write.to}`,
          ':g2pk': `CHANGED#${day(nowIso)}`,
          ':g2sk': `${nowIso}#${key}`,
          ':revision': revision,
          ':next': next,
          ...funnel.values,
          ...(write.holdUntil ? { ':hold': write.holdUntil } : {}),
          ...(write.deal ? { ':deal': write.deal } : {}),
        },
      },
    },
    ...write.events.map((event, i) => eventPut(tableName, key, event, next, i)),
    ...(write.funnel
      ? [funnelDeltaPut(tableName, key, next, write.funnel.cohort, write.funnel.delta, nowIso)]
      : []),
    ...(write.feedback ? [feedbackPut(tableName, write.feedback, next)] : []),
    ...(write.won ? [wonPut(tableName, write.won)] : []),
  ];
}
