/**
 * Solves the server's proof-of-work challenge (ALTCHA protocol v1): finds the number n for
 * which SHA-256(salt + n), in hex, is the challenge. It runs in a Web Worker made from a
 * blob: URL, so the host page's main thread stays free; when the page's
 * Content-Security-Policy or Trusted Types forbid that worker, it runs on the main thread in
 * slices of a few milliseconds, yielding between them, so there is never a long task.
 */
import type { PowChallenge } from '../shared/api.js';

type Puzzle = Pick<PowChallenge, 'challenge' | 'salt' | 'maxnumber'>;

/**
 * Tries numbers from `from` for at most `ms` milliseconds. Returns the answer (≥ 0), -1 when
 * there is none up to maxnumber, or -2 - n to go on from n. Self-contained: its source text
 * is the worker's script, so it must use nothing from outside itself.
 */
async function search(puzzle: Puzzle, from: number, ms: number): Promise<number> {
  const end = performance.now() + ms;
  const encoder = new TextEncoder();
  for (let n = from; n <= puzzle.maxnumber; n++) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(puzzle.salt + n)));
    let hex = '';
    for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
    if (hex === puzzle.challenge) return n;
    if (performance.now() > end) return -2 - (n + 1);
  }
  return -1;
}

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
let policy: ScriptUrlPolicy | null | undefined;

/**
 * The worker's URL as the page's Trusted Types allow it: through our own policy
 * "medverka-pow", which passes blob: URLs only. A page that enforces Trusted Types without
 * allowing that policy makes this throw, and the puzzle is solved on the main thread.
 */
function workerUrl(url: string): string {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(u: string): string }): ScriptUrlPolicy } }).trustedTypes;
  if (!tt) return url;
  policy ??= tt.createPolicy('medverka-pow', { createScriptURL: (u) => (u.startsWith('blob:') ? u : 'about:blank') });
  return policy.createScriptURL(url) as string;
}

function inWorker(puzzle: Puzzle): Promise<number> {
  const url = URL.createObjectURL(
    new Blob([`onmessage=async e=>postMessage(await (${search.toString()})(e.data,0,1/0))`], { type: 'text/javascript' }),
  );
  return new Promise<number>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl(url));
    } catch (err) {
      URL.revokeObjectURL(url);
      return reject(err);
    }
    const done = () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    };
    worker.onmessage = (e: MessageEvent<number>) => {
      done();
      resolve(e.data);
    };
    // A worker blocked by worker-src fails here rather than in the constructor.
    worker.onerror = (e) => {
      e.preventDefault();
      done();
      reject(new Error('worker failed'));
    };
    worker.postMessage({ challenge: puzzle.challenge, salt: puzzle.salt, maxnumber: puzzle.maxnumber });
  });
}

async function onMainThread(puzzle: Puzzle): Promise<number> {
  let from = 0;
  for (;;) {
    const result = await search(puzzle, from, 5);
    if (result > -2) return result;
    from = -2 - result;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The number that solves the puzzle, or -1 if none does. */
export async function solve(puzzle: Puzzle, options: { worker?: boolean } = {}): Promise<number> {
  if (options.worker !== false) {
    try {
      return await inWorker(puzzle);
    } catch {
      // Fall through to the main thread.
    }
  }
  return onMainThread(puzzle);
}

/** The header value the server reads: base64 of the challenge with its answer. */
export function encodeSolution(challenge: PowChallenge, number: number): string {
  const { algorithm, salt, signature } = challenge;
  return btoa(JSON.stringify({ algorithm, challenge: challenge.challenge, number, salt, signature }));
}
