import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the CLI is called from (bundled data lives there). */
export function projectRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..');
}
