/** Progress for people on stderr, so stdout stays machine-readable (its last line is the summary). */
export function progress(message: string): void {
  process.stderr.write(`[prospector] ${message}\n`);
}

/** Runs a step and reports how long it took. */
export async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  progress(`${label} ...`);
  const result = await fn();
  progress(`${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}
