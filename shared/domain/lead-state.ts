import * as z from 'zod';

export const LeadStateSchema = z.enum([
  'new',
  'nurture',
  'review',
  'mql',
  'disqualified',
  'accepted',
  'rejected',
  'won',
  'lost',
]);
export type LeadState = z.infer<typeof LeadStateSchema>;

/** `mql,accepted`: how a query string, an environment variable or CDK context lists states. */
export const LeadStateListSchema = z
  .string()
  .transform((s) => s.split(',').map((state) => state.trim()))
  .pipe(z.array(LeadStateSchema).min(1));

/** States scoring may still move a lead out of; past these a person owns the decision. */
const SCORING_OWNS: ReadonlySet<LeadState> = new Set(['new', 'nurture', 'review', 'mql']);

/** Who acts comes from the person's group (marketer, sales, admin), never from the move they make. */
export const ActorTypeSchema = z.enum(['system', 'marketer', 'sales', 'admin']);
export type ActorType = z.infer<typeof ActorTypeSchema>;

export const ActorSchema = z.object({
  type: ActorTypeSchema,
  id: z.string().min(1),
});
export type Actor = z.infer<typeof ActorSchema>;

/** Every state change is kept with who, when and why: the audit trail sales asks for. */
export const LeadEventSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  actor: ActorSchema,
  from: LeadStateSchema,
  to: LeadStateSchema,
  reason: z.string().optional(),
  score: z.number().optional(),
  definitionVersion: z.number().int().optional(),
  /** Set when a new definition re-scored the lead: the version its previous score came from. */
  previousDefinitionVersion: z.number().int().optional(),
  /** Sales feedback: the reason code, the objection heard, the free-text note, a won deal. */
  code: z.string().optional(),
  objection: z.string().optional(),
  note: z.string().optional(),
  deal: z.object({ value: z.number(), currency: z.string(), closeDate: z.string() }).optional(),
  /** A rejected lead held in nurture stays out of the MQL queue until then. */
  holdUntil: z.iso.datetime({ offset: true }).optional(),
});
export type LeadEvent = z.infer<typeof LeadEventSchema>;

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: LeadState,
    readonly to: LeadState,
    detail: string,
  ) {
    super(`cannot move a lead from ${from} to ${to}: ${detail}`);
    this.name = 'InvalidTransitionError';
  }
}

/**
 * Where scoring leaves a lead. A marketer's or a salesperson's decision is never overturned by
 * a re-score: once a person owns the lead, only a person moves it.
 */
export function stateAfterScoring(
  current: LeadState,
  computed: LeadState,
  hold?: { until?: string; now: Date },
): LeadState {
  if (!SCORING_OWNS.has(current)) return current;
  // Sales sent it back "not ready": it nurtures until the hold ends, however well it scores.
  const held = hold?.until !== undefined && Date.parse(hold.until) > hold.now.getTime();
  if (held && (computed === 'mql' || computed === 'review')) return 'nurture';
  return computed;
}

const PERSON_MOVES: Record<Actor['type'], Partial<Record<LeadState, readonly LeadState[]>>> = {
  system: {},
  marketer: { review: ['mql', 'nurture', 'disqualified'], nurture: ['review', 'mql', 'disqualified'] },
  sales: { mql: ['accepted', 'rejected', 'won'], accepted: ['won', 'lost'] },
  admin: {},
};

/** The moves a group may make; the API picks the caller's group whose moves include the one asked. */
export function mayMove(type: ActorType, from: LeadState, to: LeadState): boolean {
  return (PERSON_MOVES[type][from] ?? []).includes(to);
}

/** Which group owns moving a lead into `to`: marketers judge review, sales judges MQLs. */
export function groupOwning(to: LeadState): 'sales' | 'marketer' {
  return ['accepted', 'rejected', 'won', 'lost'].includes(to) ? 'sales' : 'marketer';
}

/** Checks a person's decision against the lifecycle; a reason is required for every one. */
export function assertPersonTransition(
  actor: Actor,
  from: LeadState,
  to: LeadState,
  reason: string | undefined,
): void {
  const allowed = PERSON_MOVES[actor.type][from] ?? [];
  if (!allowed.includes(to)) {
    throw new InvalidTransitionError(
      from,
      to,
      `a ${actor.type} may move ${from} to ${allowed.join(', ') || 'nothing'}`,
    );
  }
  if (!reason || reason.trim().length < 3) {
    throw new InvalidTransitionError(from, to, 'a reason of at least 3 characters is required');
  }
}
