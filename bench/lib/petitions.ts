/**
 * E-petitions as the bench needs them: an open petition with confirmed signatures, made the
 * way a real deployment gets one (a resident proposes and confirms by mail, an administrator
 * signs in and approves, residents sign and confirm), and the signing operation itself.
 */
import { randomBytes } from 'node:crypto';
import type { PowChallenge } from '../../server/abuse/schemas.js';
import { pageApiHeaders, type Flow, type StepTimes } from './scenario.js';
import { BenchClient, ClientError, type ClientRequest, type ClientResponse } from './client.js';
import { StepError } from './flow.js';
import { powSolutionHeader, solvePow } from './pow.js';
import type { BenchServer } from './server.js';

export interface BenchPetition {
  id: number;
  title: string;
  /** Confirmed signatures it had when it was made. */
  signatures: number;
}

/** Confirmed signatures the petition gets before any row is measured. */
export const seededSignatures = 40;

interface Resident {
  name: string;
  email: string;
  /** What a reverse proxy would put in X-Forwarded-For for this resident. */
  address: string;
  showName: boolean;
}

// Unique within the process, and between runs on a shared PostgreSQL server.
const run = randomBytes(3).toString('hex');
let residents = 0;

/**
 * A resident who has not signed yet: their own mailbox and their own address, from
 * 198.18.0.0/15 (set aside for benchmarks, RFC 2544; the bench only writes it in a header,
 * nothing is sent there). 131 072 addresses before one comes round again, far beyond the
 * per-address limits' windows at the rates measured here.
 */
function newResident(): Resident {
  const n = residents++;
  const host = n % 131_072;
  return {
    name: `Invånare ${n}`,
    email: `invanare-${run}-${n}@example.org`,
    address: `198.${18 + (host >> 16)}.${(host >> 8) & 255}.${host & 255}`,
    showName: n % 3 === 0,
  };
}

async function expectStatus(step: string, sending: Promise<ClientResponse>, status: number): Promise<ClientResponse> {
  let res: ClientResponse;
  try {
    res = await sending;
  } catch (err) {
    throw new StepError(step, err instanceof ClientError ? err.code : 'request_error', err instanceof Error ? err.message : String(err));
  }
  if (res.status !== status) {
    const code = /"code":"([a-z_]+)"/.exec(res.text)?.[1];
    throw new StepError(step, `HTTP ${res.status}`, `expected ${status}, got ${res.status}${code ? ` ${code}` : ''}`);
  }
  return res;
}

/** What a browser sends when a resident opens a link from a mail, or presses a button on that page. */
const pageHeaders = (resident: Resident): Record<string, string> => ({
  Accept: 'text/html,application/xhtml+xml',
  'Accept-Encoding': 'gzip, deflate, br',
  'X-Forwarded-For': resident.address,
});

/** A challenge fetched and solved, as the widget does before it sends a form. */
async function solvedPow(client: BenchClient, server: BenchServer, resident: Resident, lap: (step: string) => void) {
  const res = await expectStatus(
    'challenge',
    client.send({ path: '/api/pow/challenge', headers: { ...pageApiHeaders(server), 'X-Forwarded-For': resident.address } }),
    200,
  );
  lap('challenge');
  const challenge = JSON.parse(res.text) as PowChallenge;
  const header = powSolutionHeader(challenge, solvePow(challenge));
  lap('solve');
  return header;
}

/**
 * Opens a confirmation link and presses its button: the page's form posts to its own
 * action, from the server's own origin, with an empty form body.
 */
async function confirmLink(client: BenchClient, server: BenchServer, resident: Resident, link: string, lap: (step: string) => void) {
  const press = await openLink(client, server, resident, link);
  lap('open');
  const done = await expectStatus('confirm', client.send(press), 200);
  lap('confirm');
  return done.text;
}

/** Opens a confirmation link; gives the request its button sends. */
async function openLink(client: BenchClient, server: BenchServer, resident: Resident, link: string): Promise<ClientRequest> {
  const page = await expectStatus('open', client.send({ path: link, headers: pageHeaders(resident) }), 200);
  const action = /<form method="post" action="([^"]+)"/.exec(page.text)?.[1]?.replaceAll('&amp;', '&');
  if (!action) throw new StepError('open', 'no form', 'the confirmation page has no form to press');
  return {
    method: 'POST',
    path: action,
    headers: { ...pageHeaders(resident), Origin: server.origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: '',
  };
}

function stopwatch() {
  const times: StepTimes = {};
  let last = performance.now();
  const lap = (step: string) => {
    const now = performance.now();
    times[step] = now - last;
    last = now;
  };
  return { times, lap };
}

/**
 * One signature by a new resident, from the widget's first request to the confirmation
 * page: fetch a challenge, solve it, send the signature (202), take the link from the mail
 * the server sent, open it (200) and press its button (200, "counted").
 */
async function signAndConfirm(client: BenchClient, server: BenchServer, petitionId: number): Promise<StepTimes> {
  const resident = newResident();
  const { times, lap } = stopwatch();
  const link = await signForLink(client, server, petitionId, resident, lap);
  const page = await confirmLink(client, server, resident, link, lap);
  // "Tack! Din underskrift är räknad." — anything else (already counted) did not count.
  if (!page.includes('underskrift är räknad')) throw new StepError('confirm', 'not counted', 'the confirmation page did not say the signature was counted');
  return times;
}

/**
 * A new resident's signature, up to the mailed link's page: what is left is the button,
 * whose request this gives. For timing what pressing it sets off (the live count).
 */
export async function signatureToConfirm(server: BenchServer, petitionId: number): Promise<{ press: () => Promise<void> }> {
  const client = new BenchClient(server.origin, 1);
  const resident = newResident();
  const lap = () => {};
  const press = await openLink(client, server, resident, await signForLink(client, server, petitionId, resident, lap));
  return {
    press: async () => {
      try {
        const done = await expectStatus('confirm', client.send(press), 200);
        if (!done.text.includes('underskrift är räknad')) throw new StepError('confirm', 'not counted', 'the confirmation page did not say the signature was counted');
      } finally {
        client.close();
      }
    },
  };
}

/** Challenge, solve, sign (202) and the link from the mail. */
async function signForLink(client: BenchClient, server: BenchServer, petitionId: number, resident: Resident, lap: (step: string) => void): Promise<string> {
  const pow = await solvedPow(client, server, resident, lap);
  await expectStatus(
    'sign',
    client.send({
      method: 'POST',
      path: `/api/petitions/${petitionId}/signatures`,
      headers: { ...pageApiHeaders(server), 'Content-Type': 'application/json', 'X-Medverka-Pow': pow, 'X-Forwarded-For': resident.address },
      body: JSON.stringify({ name: resident.name, email: resident.email, showName: resident.showName, hearBack: false, connection: 'resident', lang: 'sv' }),
    }),
    202,
  );
  lap('sign');
  let link: string;
  try {
    link = await server.mailbox.takeLink(resident.email, /^\/bekrafta\/underskrift\//);
  } catch (err) {
    throw new StepError('mail', 'no mail', err instanceof Error ? err.message : String(err));
  }
  lap('mail');
  return link;
}

async function signInAsStaff(client: BenchClient, server: BenchServer): Promise<string> {
  const res = await expectStatus(
    'sign-in',
    client.send({
      method: 'POST',
      path: '/api/staff/sign-in',
      headers: { Accept: 'application/json', Origin: server.origin, 'Content-Type': 'application/json' },
      body: JSON.stringify(server.staff),
    }),
    200,
  );
  const cookie = [res.headers['set-cookie'] ?? []].flat()[0]?.split(';')[0];
  if (!cookie) throw new Error('staff sign-in set no session cookie');
  return cookie;
}

async function makePetition(server: BenchServer): Promise<BenchPetition> {
  const client = new BenchClient(server.origin, 8);
  try {
    const { lap } = stopwatch();
    const proposer = newResident();
    const title = `Fler parkbänkar längs Storgatan (${run})`;
    const pow = await solvedPow(client, server, proposer, lap);
    await expectStatus(
      'propose',
      client.send({
        method: 'POST',
        path: '/api/petitions',
        headers: { ...pageApiHeaders(server), 'Content-Type': 'application/json', 'X-Medverka-Pow': pow, 'X-Forwarded-For': proposer.address },
        body: JSON.stringify({
          title,
          body: 'Många äldre vill gå längs Storgatan till torget men behöver kunna vila på vägen. Ställ ut bänkar var hundrade meter.',
          name: proposer.name,
          email: proposer.email,
          publicDocumentAccepted: true,
          lang: 'sv',
        }),
      }),
      202,
    );
    await confirmLink(client, server, proposer, await server.mailbox.takeLink(proposer.email, /^\/bekrafta\/forslag\//), lap);

    const cookie = await signInAsStaff(client, server);
    const staffHeaders = { Accept: 'application/json', Origin: server.origin, Cookie: cookie };
    const waiting = await expectStatus('moderation list', client.send({ path: '/api/staff/petitions?status=awaiting_moderation', headers: staffHeaders }), 200);
    const found = (JSON.parse(waiting.text) as { petitions: { id: number; title: string }[] }).petitions.find((p) => p.title === title);
    if (!found) throw new Error('the proposed petition is not awaiting moderation');
    await expectStatus(
      'approve',
      client.send({ method: 'POST', path: `/api/staff/petitions/${found.id}/approve`, headers: { ...staffHeaders, 'Content-Type': 'application/json' } }),
      200,
    );

    // A few at a time, like the load itself, but few enough to stay far from every limit.
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < seededSignatures) {
          next++;
          await signAndConfirm(client, server, found.id);
        }
      }),
    );
    const read = await expectStatus('count', client.send({ path: `/api/petitions/${found.id}`, headers: pageApiHeaders(server) }), 200);
    const count = (JSON.parse(read.text) as { signatureCount: number }).signatureCount;
    if (count !== seededSignatures) throw new Error(`the petition counts ${count} signatures after ${seededSignatures} were confirmed`);
    return { id: found.id, title, signatures: count };
  } catch (err) {
    const why = err instanceof StepError ? `${err.step}: ${err.message}` : err instanceof Error ? err.message : String(err);
    throw new Error(`could not make an open petition through the API (${why})`, { cause: err });
  } finally {
    client.close();
  }
}

const petitions = new WeakMap<BenchServer, Promise<BenchPetition>>();

/** The server's bench petition, made on first use and shared by every row after. */
export function benchPetition(server: BenchServer): Promise<BenchPetition> {
  let made = petitions.get(server);
  if (!made) {
    made = makePetition(server);
    petitions.set(server, made);
  }
  return made;
}

/** Signing as a flow: each operation is a new resident's signature, submitted and confirmed. */
export function signingFlow(server: BenchServer, petition: BenchPetition, connections: number): Flow {
  const client = new BenchClient(server.origin, connections);
  return {
    method: 'GET → POST → GET → POST',
    path: `/api/pow/challenge → /api/petitions/${petition.id}/signatures → /bekrafta/underskrift/<token from the mail> (opened, then its form posted)`,
    requestsPerOperation: 4,
    parts: { submit: ['challenge', 'solve', 'sign'], confirm: ['mail', 'open', 'confirm'] },
    operation: () => signAndConfirm(client, server, petition.id),
    close: () => client.close(),
  };
}
