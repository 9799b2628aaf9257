import * as z from 'zod';
import { startModelTraining } from '../../../shared/use-cases/start-model-training.ts';
import { identityOf } from '../auth.ts';
import type { RouteDeps } from '../http.ts';
import { apiRouter } from '../openapi.ts';

const TrainBody = z
  .strictObject({
    withFeedback: z.boolean().default(true).describe("Train on people's post labels as well as the corpus"),
  })
  .openapi('TrainModelRequest');

/** The model registry's API: an admin starts a training run; promotion stays a person's CLI step. */
export function modelRoutes(deps: RouteDeps) {
  const { app, route } = apiRouter(deps.identify);
  route(
    {
      method: 'post',
      path: '/train',
      operationId: 'trainModel',
      tag: 'models',
      summary: 'Start training an intent model candidate on the trainer function',
      description:
        'The candidate lands in the registry with its figures beside the serving model’s; promoting it is a person’s step (`prospector model promote`).',
      owners: ['admin'],
      body: TrainBody,
      responses: {
        202: {
          description: 'Started',
          schema: z.object({ runId: z.string().max(200), status: z.literal('started') }),
        },
      },
      errors: [413, 503],
    },
    async (c, { body }) => {
      const who = identityOf(deps.identify, c);
      const run = await startModelTraining(deps, {
        requestedBy: `admin:${who.id}`,
        withFeedback: body.withFeedback,
      });
      return c.json({ ...run, status: 'started' }, 202);
    },
  );
  return app;
}
