import { Hono } from 'hono';
import * as z from 'zod';
import { startModelTraining } from '../../../shared/use-cases/start-model-training.ts';
import { identityOf, requireRole } from '../auth.ts';
import { jsonBody, parse, type RouteDeps } from '../http.ts';

const TrainBody = z.strictObject({ withFeedback: z.boolean().default(true) });

/** The model registry's API: an admin starts a training run; promotion stays a person's CLI step. */
export function modelRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  app.post('/train', requireRole(deps.identify, 'admin'), async (c) => {
    const body = parse(TrainBody, await jsonBody(c));
    const who = identityOf(deps.identify, c);
    const run = await startModelTraining(deps, {
      requestedBy: `admin:${who.id}`,
      withFeedback: body.withFeedback,
    });
    return c.json({ ...run, status: 'started' }, 202);
  });
  return app;
}
