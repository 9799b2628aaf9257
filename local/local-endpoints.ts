import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

/** The table name the local runner and the CLI agree on. */
export const LOCAL_TABLE = 'prospector';

const EndpointsSchema = z.object({ dynamo: z.string(), sqs: z.string(), pid: z.number().int() });
export type LocalEndpoints = z.infer<typeof EndpointsSchema>;

/** Where a running `npm start` announces its local servers, so CLI commands share its database. */
export function endpointsFile(dataDir: string): string {
  return join(dataDir, 'local-endpoints.json');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The endpoints of a local runner that is still alive, if any. */
export function runningEndpoints(dataDir: string): LocalEndpoints | undefined {
  const file = endpointsFile(dataDir);
  if (!existsSync(file)) return undefined;
  const parsed = EndpointsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success && alive(parsed.data.pid) ? parsed.data : undefined;
}
