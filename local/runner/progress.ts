/** Progress for people on stderr, so stdout stays machine-readable (its last line is the summary). */
export function progress(message: string): void {
  process.stderr.write(`[prospector] ${message}\n`);
}

/** Runs a step, reports how long it took and, every few seconds meanwhile, how far it got. */
export async function step<T>(
  label: string,
  fn: () => Promise<T>,
  howFar?: () => Promise<string>,
): Promise<T> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  progress(`${label} ...`);
  const ticker = howFar
    ? setInterval(() => {
        void howFar()
          .then((state) => progress(`  ${label}: ${state} (${elapsed()})`))
          .catch(() => undefined);
      }, 3_000)
    : undefined;
  try {
    const result = await fn();
    progress(`${label} done in ${elapsed()}`);
    return result;
  } finally {
    clearInterval(ticker);
  }
}
