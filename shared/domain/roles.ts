import * as z from 'zod';

/**
 * The three groups of people Prospector serves (Cognito groups on AWS, a signed local token on a
 * laptop): marketers review leads and approve engagement; sales decides on MQLs; admins publish
 * definitions, codes and campaigns and erase people.
 */
export const RoleSchema = z.enum(['marketer', 'sales', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

export interface Identity {
  /** A stable name for events and audit: the e-mail or user name. */
  id: string;
  roles: Role[];
}

/** Reads Cognito's `cognito:groups` claim as API Gateway passes it: an array, or "[a b]" / "a,b" text. */
export function rolesFromClaim(claim: unknown): Role[] {
  const raw = Array.isArray(claim)
    ? claim.map(String)
    : typeof claim === 'string'
      ? claim.replace(/^\[|\]$/g, '').split(/[\s,]+/)
      : [];
  return [...new Set(raw.filter((r): r is Role => RoleSchema.safeParse(r).success))];
}
