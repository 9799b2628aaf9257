import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NoticeReceiver {
  url: string;
  /** MQL notices received per lead key. */
  perLead(): Map<string, number>;
  stop(): Promise<void>;
}

/** A chat webhook on loopback that counts the MQL notices (`{ text, mqls: [{ key, … }] }`) per lead. */
export async function startNoticeReceiver(): Promise<NoticeReceiver> {
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      try {
        const parsed = JSON.parse(body) as { mqls?: { key?: string }[] };
        for (const m of parsed.mqls ?? []) if (m.key) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end('invalid_payload');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook/faults`,
    perLead: () => new Map(counts),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
