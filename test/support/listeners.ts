import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';

/** `0100007F` (little-endian IPv4 in /proc) → `127.0.0.1`. */
function ipv4(hex: string): string {
  return [6, 4, 2, 0].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join('.');
}

/** /proc's 32 hex digits (four little-endian words) → IPv6 groups (`::` and `::1` shortened). */
function ipv6(hex: string): string {
  const bytes: number[] = [];
  for (let w = 0; w < 4; w++)
    for (const i of [6, 4, 2, 0]) bytes.push(Number.parseInt(hex.slice(w * 8 + i, w * 8 + i + 2), 16));
  const groups = Array.from({ length: 8 }, (_, g) => ((bytes[2 * g]! << 8) | bytes[2 * g + 1]!).toString(16));
  const full = groups.join(':');
  if (full === '0:0:0:0:0:0:0:0') return '::';
  if (full === '0:0:0:0:0:0:0:1') return '::1';
  return full;
}

interface Listener {
  address: string;
  port: number;
  inode: string;
}

/** Every listening TCP socket of this machine (Linux /proc). */
function allListeners(): Listener[] {
  const out: Listener[] = [];
  for (const [file, decode] of [
    ['/proc/net/tcp', ipv4],
    ['/proc/net/tcp6', ipv6],
  ] as const) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const [addr, portHex] = (cols[1] ?? '').split(':');
      if (cols[3] !== '0A' || !addr || !portHex) continue; // 0A = LISTEN
      out.push({ address: decode(addr), port: Number.parseInt(portHex, 16), inode: cols[9] ?? '' });
    }
  }
  return out;
}

/** Local addresses on which some socket of this machine listens on `port`. */
export function listeningAddresses(port: number): string[] {
  return allListeners()
    .filter((l) => l.port === port)
    .map((l) => l.address);
}

/** The listening sockets a process holds open, as `address:port`. */
export function listenersOf(pid: number): { address: string; port: number }[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      // closed meanwhile
    }
  }
  return allListeners()
    .filter((l) => inodes.has(l.inode))
    .map(({ address, port }) => ({ address, port }));
}

/** This machine's own addresses that are not loopback (link-local ones need a scope; left out). */
export function ownNonLoopbackAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && !a.address.startsWith('fe80'))
    .map((a) => a!.address);
}

/**
 * Connects to `host:port`, sends `request` and collects what comes back until the peer closes:
 * `refused` when nobody listens there, otherwise the bytes answered (empty when the server
 * dropped the connection without answering).
 */
export function probe(host: string, port: number, request: string): Promise<'refused' | string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect({ host, port });
    socket.setTimeout(5000, () => socket.destroy(new Error(`no close from ${host}:${port} within 5 s`)));
    socket.on('connect', () => socket.write(request));
    socket.on('data', (d) => {
      answer += String(d);
      if (answer.includes('\r\n\r\n')) socket.end();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNREFUSED') resolve('refused');
      else if (e.code === 'ECONNRESET' || e.code === 'EPIPE') resolve(answer);
      else reject(e);
    });
    socket.on('close', () => resolve(answer));
  });
}

/** A plain HTTP request any of our servers answers with some status line. */
export const HTTP_PROBE = 'GET / HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n';
