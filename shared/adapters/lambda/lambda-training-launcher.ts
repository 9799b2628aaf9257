import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { TrainingLauncher, TrainingRequest } from '../../ports/training-launcher.ts';

/** The source the trainer function's event names; it refuses events without it. */
export const TRAIN_EVENT_SOURCE = 'prospector.model-train';

/** Starts the trainer function with an asynchronous (Event) invocation; Lambda queues and retries it. */
export class LambdaTrainingLauncher implements TrainingLauncher {
  private readonly lambda: LambdaClient;
  constructor(
    private readonly functionName: string,
    region: string,
  ) {
    this.lambda = new LambdaClient({ region });
  }

  async start(request: TrainingRequest): Promise<{ runId: string }> {
    const out = await this.lambda.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify({ source: TRAIN_EVENT_SOURCE, ...request })),
      }),
    );
    const runId = out.$metadata.requestId;
    if (out.StatusCode !== 202 || !runId)
      throw new Error(`the trainer did not accept the run (${out.StatusCode})`);
    return { runId };
  }
}
