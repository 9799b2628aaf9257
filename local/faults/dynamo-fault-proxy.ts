import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultSchedule } from './schedule.ts';

/** What the proxy can make a DynamoDB request do. */
export type DynamoFault =
  | 'provisioned-throughput'
  | 'throttling'
  | 'transaction-conflict'
  | 'server-error'
  | 'drop-connection'
  | 'slow';

export interface DynamoFaultProxy {
  /** Put this in place of DynamoDB Local's endpoint. */
  endpoint: string;
  stop(): Promise<void>;
}

const DYNAMO = 'com.amazonaws.dynamodb.v20120810';

/**
 * DynamoDB's JSON error bodies, as the service sends them (protocol awsJson1_0: HTTP 400 or 500,
 * `__type` naming the exception), so the AWS SDK's own retry decisions run: throttling errors are
 * retried with back-off, a transaction conflict is returned to the caller.
 */
export function dynamoError(fault: DynamoFault, body: string): { status: number; payload: object } {
  switch (fault) {
    case 'provisioned-throughput':
      return {
        status: 400,
        payload: {
          __type: `${DYNAMO}#ProvisionedThroughputExceededException`,
          message:
            'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
        },
      };
    case 'throttling':
      return {
        status: 400,
        payload: {
          __type: 'com.amazon.coral.availability#ThrottlingException',
          message: 'Rate of requests exceeds the allowed throughput.',
        },
      };
    case 'transaction-conflict': {
      // One reason per item of the request; the first is the one in conflict.
      let items = 1;
      try {
        items = Math.max(1, (JSON.parse(body) as { TransactItems?: unknown[] }).TransactItems?.length ?? 1);
      } catch {}
      const reasons = Array.from({ length: items }, (_, i) =>
        i === 0
          ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }
          : { Code: 'None' },
      );
      return {
        status: 400,
        payload: {
          __type: `${DYNAMO}#TransactionCanceledException`,
          Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
          CancellationReasons: reasons,
        },
      };
    }
    default:
      return {
        status: 500,
        payload: { __type: `${DYNAMO}#InternalServerError`, message: 'Internal server error' },
      };
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The operation of a DynamoDB request: `DynamoDB_20120810.TransactWriteItems` -> `TransactWriteItems`. */
export function dynamoOperation(target: string | string[] | undefined): string {
  const t = Array.isArray(target) ? target[0] : target;
  return t?.split('.').pop() ?? 'unknown';
}

/**
 * A loopback HTTP proxy in front of DynamoDB Local that answers what the schedule says: one of
 * DynamoDB's errors, a slow answer (forwarded after `slowMs`), or a connection dropped half-way
 * through the real response (the write is done, its answer lost: the SDK retries it).
 */
export async function startDynamoFaultProxy(options: {
  target: string;
  schedule: FaultSchedule<DynamoFault>;
  slowMs?: number;
}): Promise<DynamoFaultProxy> {
  const target = new URL(options.target);
  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      const out = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (res) => {
          readBody(res).then(
            (b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }),
            reject,
          );
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const fault = options.schedule.next(dynamoOperation(req.headers['x-amz-target']));
    if (fault && fault !== 'slow' && fault !== 'drop-connection') {
      const { status, payload } = dynamoError(fault, body.toString('utf8'));
      const text = JSON.stringify(payload);
      res.writeHead(status, {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': randomUUID(),
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
      return;
    }
    if (fault === 'slow') await new Promise((r) => setTimeout(r, options.slowMs ?? 1_500));
    const answer = await forward(req, body);
    res.writeHead(answer.status, answer.headers);
    if (fault === 'drop-connection') {
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
      setImmediate(() => res.socket?.destroy());
      return;
    }
    res.end(answer.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.socket?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
