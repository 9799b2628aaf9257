/** What an admin asks for: a candidate trained on the corpus, with or without people's labels. */
export interface TrainingRequest {
  requestedBy: string;
  withFeedback: boolean;
}

/**
 * Starts a training run somewhere it may take minutes: the trainer function on AWS (an
 * asynchronous invocation), never inside the API's own 10-second request.
 */
export interface TrainingLauncher {
  start(request: TrainingRequest): Promise<{ runId: string }>;
}
