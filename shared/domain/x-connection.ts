import * as z from 'zod';

/** What the token secret holds while no account is connected (also its CloudFormation seed). */
export const NO_TOKENS = 'none';

/** The scopes Prospector asks for: read and post as the brand, read its mentions, refresh offline. */
export const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access'] as const;

/**
 * The brand's X account as the review API and the workers see it. Tokens are not here: they live
 * in the token vault (Secrets Manager on AWS), so this record can be shown in the UI and logged.
 */
export const XConnectionSchema = z.object({
  status: z.enum(['connected', 'broken', 'disconnected']),
  userId: z.string().regex(/^\d{1,19}$/),
  username: z.string().min(1).max(50),
  connectedBy: z.string().min(1).max(200),
  connectedAt: z.iso.datetime({ offset: true }),
  /** Why the connection broke (a refused refresh), or who disconnected it. */
  reason: z.string().max(500).optional(),
  changedAt: z.iso.datetime({ offset: true }),
  /** Bumped by every refresh; a refresh is allowed only from the version it read. */
  version: z.number().int().min(0),
  /** The mentions read so far (X's `since_id`). */
  mentionsSinceId: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
});
export type XConnection = z.infer<typeof XConnectionSchema>;

/** What the vault holds. Never logged, never in an event or an API response. */
export const XTokensSchema = z.object({
  accessToken: z.string().min(1).max(2000),
  refreshToken: z.string().min(1).max(2000),
  /** When the access token stops working (X: about two hours after issue). */
  expiresAt: z.iso.datetime({ offset: true }),
  /** The connection version these tokens belong to. */
  version: z.number().int().min(0),
});
export type XTokens = z.infer<typeof XTokensSchema>;

/** The half of a PKCE authorization kept between the redirect to X and the callback. */
export const PendingAuthorizationSchema = z.object({
  state: z.string().min(16).max(200),
  codeVerifier: z.string().min(43).max(128),
  redirectUri: z.url(),
  startedBy: z.string().min(1).max(200),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type PendingAuthorization = z.infer<typeof PendingAuthorizationSchema>;
