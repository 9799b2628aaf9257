import type { ScenarioSpec } from './scenario.ts';

/**
 * The `npm run faults` list. DynamoDB faults reach the discovery cycle (discover, qualify, draft,
 * announce), the marketer's decisions and the CRM export; X faults reach discovery. Probabilities
 * are per request with a fixed seed, so a run is reproducible.
 */
export const SCENARIOS: readonly ScenarioSpec[] = [
  {
    name: 'dynamo ProvisionedThroughputExceeded (p=0.08)',
    seed: 1,
    dynamo: [{ fault: 'provisioned-throughput', probability: 0.08 }],
  },
  {
    name: 'dynamo ThrottlingException (p=0.08)',
    seed: 2,
    dynamo: [{ fault: 'throttling', probability: 0.08 }],
  },
  {
    name: 'dynamo TransactionCanceled/TransactionConflict on TransactWriteItems (p=0.1)',
    seed: 3,
    dynamo: [{ fault: 'transaction-conflict', operation: 'TransactWriteItems', probability: 0.1 }],
  },
  {
    name: 'dynamo 500 InternalServerError (p=0.05)',
    seed: 4,
    dynamo: [{ fault: 'server-error', probability: 0.05 }],
  },
  {
    name: 'dynamo connection dropped mid-response (p=0.03)',
    seed: 5,
    dynamo: [{ fault: 'drop-connection', probability: 0.03 }],
  },
  { name: 'dynamo slow responses (p=0.05, 400 ms)', seed: 6, dynamo: [{ fault: 'slow', probability: 0.05 }] },
  {
    name: 'dynamo every fault mixed (seed 7)',
    seed: 7,
    dynamo: [
      { fault: 'transaction-conflict', operation: 'TransactWriteItems', probability: 0.04 },
      { fault: 'throttling', probability: 0.03 },
      { fault: 'provisioned-throughput', probability: 0.03 },
      { fault: 'server-error', probability: 0.02 },
      { fault: 'drop-connection', probability: 0.02 },
      { fault: 'slow', probability: 0.02 },
    ],
  },
  {
    // An ambiguous failure: the decision is written, its answer lost; the SDK's retry then fails its condition.
    name: 'dynamo connection dropped after the first decision is written',
    phases: ['decisions'],
    dynamo: [{ fault: 'drop-connection', operation: 'TransactWriteItems', requests: [1] }],
  },
  {
    // The budget's ADD and the cursor's SET, written and their answers lost, then sent again by the SDK.
    name: 'dynamo connection dropped after UpdateItem requests 1-6 (budget counters, cursors)',
    phases: ['cycle'],
    dynamo: [{ fault: 'drop-connection', operation: 'UpdateItem', requests: [1, 2, 3, 4, 5, 6] }],
  },
  { name: 'x 429 on requests 2 and 5', x: [{ fault: 'rate-limit', requests: [2, 5] }] },
  { name: 'x 503 on requests 2 and 4', x: [{ fault: 'server-error', requests: [2, 4] }] },
  { name: 'x truncated JSON on requests 2 and 4', x: [{ fault: 'truncated', requests: [2, 4] }] },
  { name: 'x slow pages (p=0.5, 400 ms)', seed: 8, x: [{ fault: 'slow', probability: 0.5 }] },
  {
    name: 'x 429 + 503 + truncated with dynamo throttling and conflicts',
    seed: 9,
    x: [
      { fault: 'rate-limit', requests: [3] },
      { fault: 'server-error', requests: [5] },
      { fault: 'truncated', requests: [7] },
    ],
    dynamo: [
      { fault: 'throttling', probability: 0.04 },
      { fault: 'transaction-conflict', operation: 'TransactWriteItems', probability: 0.04 },
    ],
  },
];
