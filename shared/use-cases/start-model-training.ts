import type { TrainingLauncher } from '../ports/training-launcher.ts';

/** This deployment has no trainer to start (no trainer function configured). */
export class TrainingUnavailableError extends Error {
  constructor() {
    super('model training is not configured here; run prospector model train --with-feedback');
    this.name = 'TrainingUnavailableError';
  }
}

/**
 * An admin starts a candidate's training. It only starts it: the candidate lands in the registry
 * with its figures, and a person promotes it (prospector model promote) or not.
 */
export async function startModelTraining(
  deps: { training?: TrainingLauncher },
  input: { requestedBy: string; withFeedback: boolean },
): Promise<{ runId: string }> {
  if (!deps.training) throw new TrainingUnavailableError();
  return deps.training.start(input);
}
