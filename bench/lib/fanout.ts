/**
 * Server-sent-event fan-out: how many event streams one instance holds, what each costs in
 * server memory, and how long one change takes to reach them. `connections` pages follow one
 * event stream, and one change is then made and timed from the moment it is sent to the
 * moment each page has it. Two subjects:
 *
 * - a chat conversation (GET /api/chat/conversations/<id>/events): one message is written;
 * - a petition's live count (GET /api/petitions/<id>/live), what `<medverka-petition>`
 *   follows: one resident presses the mailed link's button, and each page waits for the
 *   count one higher. Each instance reads the count once, 250 ms after the change
 *   (server/live/followers.ts), so that wait is part of every page's time.
 *
 * With two instances on one PostgreSQL database the pages are split between them and the
 * change is made through the first, so half of them hear it by way of LISTEN/NOTIFY.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { PowChallenge } from '../../server/abuse/schemas.js';
import { latency } from './flow.js';
import { signatureToConfirm, type BenchPetition } from './petitions.js';
import type { Latency } from './load.js';
import { powSolutionHeader, solvePow } from './pow.js';
import { table } from './table.js';
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
  /** Resolves when the stream has sent its first event of the subject's kind (the state so far). */
  opened: Promise<void>;
  /** When the timed change arrived (performance.now()), once it has. */
  arrivedAt?: number;
}

/** What the pages follow, and the one change that is timed. */
export interface FanoutSubject {
  scenario: string;
  /** The stream's path and query on a server. */
  path: string;
  /** The event that a freshly opened stream sends first, with the state so far. */
  firstEvent: string;
  /** Makes ready the change (anything slow happens here), then gives what makes it. */
  prepare(): Promise<{ marker: string; send: () => Promise<void> }>;
}

/** A new conversation on `server`; the message is written through it. */
export async function chatSubject(server: BenchServer): Promise<FanoutSubject> {
  const { conversation, token } = await startConversation(server);
  return {
    scenario: 'chat message fan-out',
    path: `/api/chat/conversations/${conversation.id}/events?token=${token}`,
    firstEvent: 'event: message',
    prepare: async () => {
      const marker = `fanout-${Date.now()}`;
      return {
        marker,
        send: async () => {
          const res = await fetch(`${server.origin}/api/chat/conversations/${conversation.id}/messages`, {
            method: 'POST',
            headers: { Origin: server.embeddingOrigin, 'Content-Type': 'application/json', 'X-Medverka-Chat': token, 'X-Forwarded-For': '10.200.0.1' },
            body: JSON.stringify({ body: marker }),
          });
          if (res.status !== 201) throw new Error(`the message was refused: ${res.status}`);
        },
      };
    },
  };
}

/** An open petition (made through any instance on the database); its signer signs through `server`. */
export function petitionSubject(server: BenchServer, petition: BenchPetition): FanoutSubject {
  return {
    scenario: 'petition count fan-out',
    path: `/api/petitions/${petition.id}/live`,
    firstEvent: 'event: petition',
    prepare: async () => {
      const signature = await signatureToConfirm(server, petition.id);
      const now = (await (await fetch(`${server.origin}/api/petitions/${petition.id}`)).json()) as { signatureCount: number };
      return { marker: `"signatureCount":${now.signatureCount + 1},`, send: signature.press };
    },
  };
}

function followStream(url: URL, address: string, firstEvent: string, arrived: (chunk: string) => boolean): Follower {
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
          if (follower.arrivedAt === undefined && arrived(chunk)) follower.arrivedAt = performance.now();
          if (seen !== null) {
            seen += chunk;
            if (seen.includes(firstEvent)) {
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
 * Opens `connections` streams spread over `servers`, makes the subject's change through the
 * first, and reports what was held and how fast the change arrived.
 */
export async function measureFanout(
  servers: BenchServer[],
  pids: (number | undefined)[],
  connections: number,
  subject: FanoutSubject,
): Promise<FanoutRow> {
  const notes: string[] = [];
  const first = servers[0]!;
  // The marker is known only once the change is ready; until then nothing can match it.
  let marker: string | undefined = undefined;
  const arrived = (chunk: string) => marker !== undefined && chunk.includes(marker);
  const rssBefore = pids.reduce<number>((sum, pid) => sum + rssOf(pid), 0);

  const followers: Follower[] = [];
  const openStarted = performance.now();
  const failures = new Map<string, number>();
  for (let i = 0; i < connections; i += 200) {
    const batch: Follower[] = [];
    for (let j = i; j < Math.min(connections, i + 200); j++) {
      const server = servers[j % servers.length]!;
      const url = new URL(`${server.origin}${subject.path}`);
      // Each page its own address (the bench stands where the proxy would), 10.<j>.
      batch.push(followStream(url, `10.${(j >> 16) & 255}.${(j >> 8) & 255}.${j & 255}`, subject.firstEvent, arrived));
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

  const change = await subject.prepare();
  marker = change.marker;
  const sentAt = performance.now();
  try {
    await change.send();
  } catch (err) {
    notes.push(err instanceof Error ? err.message : String(err));
  }
  const deadline = sentAt + 10_000;
  while (performance.now() < deadline && followers.some((f) => f.arrivedAt === undefined)) await new Promise((r) => setTimeout(r, 20));
  const times = followers.filter((f) => f.arrivedAt !== undefined).map((f) => f.arrivedAt! - sentAt);
  for (const f of followers) f.request.destroy();

  const held = followers.length;
  // A process that frees memory left from an earlier run while the streams open reads as
  // less memory with them than without: that measures nothing, so say so instead.
  if (held && rssHeld <= rssBefore) notes.push('memory per stream not measurable: the server freed more than the streams took');
  return {
    scenario: subject.scenario,
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
