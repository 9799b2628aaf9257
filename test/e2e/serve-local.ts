import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './run-cli.ts';

/** Starts `prospector local` (serving) and resolves once the review UI is listening, with its sign-in links per group. */
export async function startServing(
  dir: string,
  port: number,
): Promise<{ child: ChildProcess; links: Record<string, string> }> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'prospector.mjs'),
      'local',
      '--fresh',
      '--port',
      String(port),
      '--data-dir',
      dir,
      '--out-dir',
      dir,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'WARN' },
    },
  );
  const links = await new Promise<Record<string, string>>((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += d;
      const found = Object.fromEntries(
        [...stderr.matchAll(/^(?:\[prospector\])?\s+(marketer|sales|admin)\s+(http\S+#token=\S+)$/gm)].map(
          (m) => [m[1], m[2]],
        ),
      );
      if (found.marketer && found.sales && found.admin) resolve(found as Record<string, string>);
    });
    child.once('exit', (code) => reject(new Error(`runner exited ${code}\n${stderr}`)));
  });
  return { child, links };
}

/** The bearer header a sign-in link carries. */
export const bearerOf = (link: string) => ({
  authorization: `Bearer ${link.slice(link.indexOf('#token=') + 7)}`,
});
