// zod 4 copies a schema's methods onto it when it is made: @hono/zod-openapi must add .openapi()
// before any schema exists, so it is evaluated first (the review API's document names schemas).
import { lazyExplainer } from '../../shared/adapters/intent/lazy-explainer.ts';
import '@hono/zod-openapi';
import type { LambdaEvent } from 'hono/aws-lambda';
import { handle } from 'hono/aws-lambda';
import { buildCursorKey, buildNotifier, buildStores, buildTaskQueue } from '../../shared/adapters/build.ts';
import { lazyShippedScorer } from '../../shared/adapters/intent/lazy-shipped-model.ts';
import { LambdaTrainingLauncher } from '../../shared/adapters/lambda/lambda-training-launcher.ts';
import { createLogger } from '../../shared/adapters/powertools/logger.ts';
import { INTERACTIVE_DELIVERY } from '../../shared/adapters/webhook/webhook-notifier.ts';
import { buildXAccount } from '../../shared/adapters/x/build-x-account.ts';
import { apiConfigSchema, loadConfig } from '../../shared/config.ts';
import { rolesFromClaim } from '../../shared/domain/roles.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { createApp } from './app.ts';

const config = loadConfig(apiConfigSchema);

type Claims = { sub?: string; email?: string; username?: string; 'cognito:groups'?: unknown };

const stores = buildStores(config);
const log = createLogger('review-api');
const x = buildXAccount(config, stores.table, { clock: systemClock, log, owner: 'review-api' });

export const handler = handle(
  createApp({
    ...stores,
    ...(x
      ? {
          xAccount: {
            connections: x.connections,
            vault: x.vault,
            oauth: x.oauth,
            ...(config.X_OAUTH_REDIRECT_URI ? { redirectUri: config.X_OAUTH_REDIRECT_URI } : {}),
          },
        }
      : {}),
    ...(config.TRAINER_FUNCTION_NAME
      ? { training: new LambdaTrainingLauncher(config.TRAINER_FUNCTION_NAME, config.AWS_REGION) }
      : {}),
    maxJitterSeconds: Math.floor(config.ENGAGE_MAX_JITTER_MS / 1000),
    loadIntent: lazyShippedScorer(),
    explainIntent: lazyExplainer(),
    queue: buildTaskQueue(config),
    clock: systemClock,
    log,
    notifier: await buildNotifier(config, INTERACTIVE_DELIVERY),
    cursorKey: await buildCursorKey(config),
    ...(config.SIGN_IN_URL && config.SIGN_IN_CLIENT_ID
      ? { signIn: { url: config.SIGN_IN_URL, clientId: config.SIGN_IN_CLIENT_ID } }
      : {}),
    // API Gateway has verified the JWT before we run; its claims name the person and their groups.
    identify: (c) => {
      const event = (c.env as { event?: LambdaEvent } | undefined)?.event as
        | { requestContext?: { authorizer?: { jwt?: { claims?: Claims } } } }
        | undefined;
      const claims = event?.requestContext?.authorizer?.jwt?.claims;
      const id = claims?.email ?? claims?.username ?? claims?.sub;
      return id ? { id, roles: rolesFromClaim(claims?.['cognito:groups']) } : undefined;
    },
  }),
);
