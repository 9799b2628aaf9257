import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookReceiver {
  url: string;
  /** Parsed JSON bodies of every POST, in order of arrival. */
  received: unknown[];
  /** Status codes to answer with, one per request; 200 once they run out. */
  answers: number[];
  /** Milliseconds to wait before answering. */
  delayMs: number;
  stop(): Promise<void>;
}

/** A chat webhook on loopback (what Slack's incoming webhook is to the notifier), recording what it gets. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: Omit<WebhookReceiver, 'url' | 'stop'> = { received: [], answers: [], delayMs: 0 };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      receiver.received.push(JSON.parse(body || 'null'));
      setTimeout(() => {
        res.writeHead(receiver.answers.shift() ?? 200, { 'content-type': 'text/plain' });
        res.end('ok');
      }, receiver.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hook/secret-token`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
