/**
 * When a fault proxy misbehaves, as the test sets it: by request number, by operation, or with a
 * probability drawn from a seeded generator (the same seed gives the same run).
 */

export interface FaultRule<F extends string> {
  fault: F;
  /** Only requests for this operation (DynamoDB: the X-Amz-Target action; X: the URL path). */
  operation?: string;
  /** 1-based request numbers, counted among the requests this rule's operation matches (all when unset). */
  requests?: readonly number[];
  /** Chance for each matching request, when `requests` is unset (1 = every one). */
  probability?: number;
  /** Injections at most (unbounded when unset). */
  limit?: number;
}

export interface FaultSchedule<F extends string> {
  /** The fault for the next request of `operation`, if any; counts it. */
  next(operation: string): F | undefined;
  /** Requests seen and faults injected so far, by fault name. */
  stats(): { requests: number; injected: Partial<Record<F, number>> };
}

/** mulberry32: a tiny, good-enough seeded generator for reproducible schedules. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The first rule that fires wins; each rule keeps its own count of the requests it matched. */
export function createSchedule<F extends string>(rules: readonly FaultRule<F>[], seed = 1): FaultSchedule<F> {
  const random = seededRandom(seed);
  const matched = rules.map(() => 0);
  const fired = rules.map(() => 0);
  const injected: Partial<Record<F, number>> = {};
  let requests = 0;
  return {
    next(operation) {
      requests++;
      let chosen: F | undefined;
      rules.forEach((rule, i) => {
        if (rule.operation !== undefined && rule.operation !== operation) return;
        const n = ++matched[i]!;
        // Draw for every matching request, so a rule's draws do not depend on the others' outcomes.
        const draw = rule.requests ? 0 : random();
        if (chosen !== undefined) return;
        if (rule.limit !== undefined && fired[i]! >= rule.limit) return;
        const fires = rule.requests ? rule.requests.includes(n) : draw < (rule.probability ?? 0);
        if (!fires) return;
        fired[i]!++;
        chosen = rule.fault;
      });
      if (chosen !== undefined) injected[chosen] = (injected[chosen] ?? 0) + 1;
      return chosen;
    },
    stats: () => ({ requests, injected: { ...injected } }),
  };
}
