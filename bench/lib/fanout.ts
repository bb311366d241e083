/**
 * Server-sent-event fan-out: how many event streams one instance holds, what each costs in
 * server memory, and how long one message takes to reach them. `connections` pages follow one
 * chat conversation's event stream (GET /api/chat/conversations/<id>/events); one message is
 * then written and timed from the moment it is sent to the moment each page has it. With two
 * instances on one PostgreSQL database the pages are split between them and the message is
 * written to the first, so half of them hear it by way of LISTEN/NOTIFY.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { PowChallenge } from '../../server/abuse/proof-of-work.js';
import { latency } from './flow.js';
import type { Latency } from './load.js';
import { powSolutionHeader, solvePow } from './pow.js';
import { table } from './report.js';
import type { BenchServer } from './server.js';

export interface FanoutRow {
  scenario: string;
  database: string;
  instances: number;
  /** Streams asked for, and those open (status 200, first event read) when the message went out. */
  connections: number;
  held: number;
  /** Seconds to open them all, 200 at a time. */
  openSeconds: number;
  /** Server resident memory (all instances) before and with the streams open, and the difference per stream. */
  rssBeforeBytes: number;
  rssHeldBytes: number;
  bytesPerConnection: number;
  /** Streams that had the message within 10 s, and how long each took. */
  delivered: number;
  deliveryMs?: Latency;
  notes: string[];
}

/** Resident memory of a process, from /proc (Linux); 0 where there is none. */
function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(/(\d+)/.exec(line)![1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function startConversation(server: BenchServer) {
  const headers = { Origin: server.embeddingOrigin, 'X-Forwarded-For': '10.200.0.1' };
  const challenge = (await (await fetch(`${server.origin}/api/pow/challenge`, { headers })).json()) as PowChallenge;
  const res = await fetch(`${server.origin}/api/chat/conversations`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json', 'X-Medverka-Pow': powSolutionHeader(challenge, solvePow(challenge)) },
    body: JSON.stringify({ message: 'Hej! Jag följer det här samtalet från bänken.', lang: 'sv' }),
  });
  if (res.status !== 201) throw new Error(`could not start a conversation: ${res.status} ${await res.text()}`);
  return (await res.json()) as { conversation: { id: number }; token: string };
}

interface Follower {
  request: http.ClientRequest;
  /** Resolves when the stream has sent its first message event (the conversation so far). */
  opened: Promise<void>;
  /** When the marked message arrived (performance.now()), once it has. */
  arrivedAt?: number;
}

function followStream(url: URL, address: string, marker: string): Follower {
  const follower = {} as Follower;
  follower.opened = new Promise<void>((resolve, reject) => {
    const request = http.get(
      url,
      // One socket per page, as browsers give each EventSource; never pooled.
      { agent: false, headers: { Accept: 'text/event-stream', 'X-Forwarded-For': address } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`status ${res.statusCode}`));
          return;
        }
        res.setEncoding('utf8');
        let seen = '';
        res.on('data', (chunk: string) => {
          if (follower.arrivedAt === undefined && chunk.includes(marker)) follower.arrivedAt = performance.now();
          if (seen !== null) {
            seen += chunk;
            if (seen.includes('event: message')) {
              seen = null as unknown as string;
              resolve();
            }
          }
        });
        res.on('error', () => {});
      },
    );
    request.on('error', reject);
    follower.request = request;
  });
  return follower;
}

/**
 * Opens `connections` streams spread over `servers`, sends one message through the first,
 * and reports what was held and how fast the message arrived.
 */
export async function measureFanout(servers: BenchServer[], pids: (number | undefined)[], connections: number): Promise<FanoutRow> {
  const notes: string[] = [];
  const first = servers[0]!;
  const { conversation, token } = await startConversation(first);
  const marker = `fanout-${Date.now()}`;
  const rssBefore = pids.reduce<number>((sum, pid) => sum + rssOf(pid), 0);

  const followers: Follower[] = [];
  const openStarted = performance.now();
  const failures = new Map<string, number>();
  for (let i = 0; i < connections; i += 200) {
    const batch: Follower[] = [];
    for (let j = i; j < Math.min(connections, i + 200); j++) {
      const server = servers[j % servers.length]!;
      const url = new URL(`${server.origin}/api/chat/conversations/${conversation.id}/events?token=${token}`);
      // Each page its own address (the bench stands where the proxy would), 10.<j>.
      batch.push(followStream(url, `10.${(j >> 16) & 255}.${(j >> 8) & 255}.${j & 255}`, marker));
    }
    const settled = await Promise.allSettled(batch.map((f) => f.opened));
    settled.forEach((s, k) => {
      if (s.status === 'fulfilled') followers.push(batch[k]!);
      else {
        const why = s.reason instanceof Error ? s.reason.message : String(s.reason);
        failures.set(why, (failures.get(why) ?? 0) + 1);
        batch[k]!.request.destroy();
      }
    });
  }
  const openSeconds = (performance.now() - openStarted) / 1000;
  for (const [why, n] of failures) notes.push(`${n} streams not opened: ${why}`);
  // Let the servers settle (garbage from the opening) before memory is read.
  await new Promise((r) => setTimeout(r, 1000));
  const rssHeld = pids.reduce<number>((sum, pid) => sum + rssOf(pid), 0);

  const sentAt = performance.now();
  const res = await fetch(`${first.origin}/api/chat/conversations/${conversation.id}/messages`, {
    method: 'POST',
    headers: { Origin: first.embeddingOrigin, 'Content-Type': 'application/json', 'X-Medverka-Chat': token, 'X-Forwarded-For': '10.200.0.1' },
    body: JSON.stringify({ body: marker }),
  });
  if (res.status !== 201) notes.push(`the message was refused: ${res.status}`);
  const deadline = sentAt + 10_000;
  while (performance.now() < deadline && followers.some((f) => f.arrivedAt === undefined)) await new Promise((r) => setTimeout(r, 20));
  const times = followers.filter((f) => f.arrivedAt !== undefined).map((f) => f.arrivedAt! - sentAt);
  for (const f of followers) f.request.destroy();

  const held = followers.length;
  // A process that frees memory left from an earlier run while the streams open reads as
  // less memory with them than without: that measures nothing, so say so instead.
  if (held && rssHeld <= rssBefore) notes.push('memory per stream not measurable: the server freed more than the streams took');
  return {
    scenario: 'chat message fan-out',
    database: first.database,
    instances: servers.length,
    connections,
    held,
    openSeconds,
    rssBeforeBytes: rssBefore,
    rssHeldBytes: rssHeld,
    bytesPerConnection: held && rssBefore && rssHeld > rssBefore ? Math.round((rssHeld - rssBefore) / held) : 0,
    delivered: times.length,
    deliveryMs: times.length ? latency(times) : undefined,
    notes,
  };
}

export function fanoutTable(rows: FanoutRow[]): string {
  const kb = (n: number) => (n ? (n / 1024).toFixed(1) : '–');
  const ms = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(0));
  return table(
    ['scenario', 'database', 'instances', 'held', 'open s', 'KB/stream', 'delivered', 'p50 ms', 'p99 ms', 'max ms', 'notes'],
    rows.map((r) => [
      r.scenario,
      r.database,
      String(r.instances),
      `${r.held}/${r.connections}`,
      r.openSeconds.toFixed(1),
      kb(r.bytesPerConnection),
      `${r.delivered}/${r.held}`,
      ms(r.deliveryMs?.p50),
      ms(r.deliveryMs?.p99),
      ms(r.deliveryMs?.max),
      r.notes.join('; '),
    ]),
    [2, 4, 5, 7, 8, 9],
  );
}
