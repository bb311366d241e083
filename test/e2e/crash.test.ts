import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { powSolutionHeader, solvePow } from '../../bench/lib/pow.js';
import type { PowChallenge } from '../../server/abuse/schemas.js';
import { demoBudgetSlug } from '../../server/budgets/seed.js';
import { chatTokenHeader } from '../../server/chat/routes.js';
import { surveyTokenHeader } from '../../server/panel/routes.js';
import { findDemoPoll } from '../../server/polls/seed.js';
import { openSurvey, signInStaff } from './api.js';
import { createDatabase, migrateToLatest, type Db } from '../../server/db/index.js';
import { parseMail } from '../../server/mail/capture.js';
import { findLinks } from '../../server/mail/mailer.js';
import { confirmProposal, movePetition, proposePetition } from '../../server/petitions/store.js';
import { databaseKinds, freshDatabase, startServer, type DatabaseKind, type RunningServer } from './harness.js';

/**
 * SIGKILL while residents sign, confirm, cast ballots, chat (write, end, rate, and leave a
 * message for the contact centre), answer a poll and a survey, propose petitions and join the
 * citizen panel: after every restart each write the server acknowledged (2xx) is there exactly
 * once, the counts match the rows, and the database is intact. Writes in flight at the kill
 * may or may not have happened, but never half.
 */

const rounds = 3;
/** Seven kinds of resident, three of each. */
const kinds = 7;
const clients = kinds * 3;
const admin = { email: 'admin@example.se', password: 'ett långt lösenord' };
const embedder = 'https://kommun.example';
const run = randomBytes(3).toString('hex');

interface Acknowledged {
  /** Mailboxes whose signature was answered 202. */
  signed: Set<string>;
  /** … and whose confirmation was answered 200. */
  counted: Set<string>;
  cast: Set<string>;
  confirmed: Set<string>;
  /** Chat messages answered 201 (the first starts its conversation): text → conversation. */
  messages: Map<string, number>;
  /** Conversations whose ending was answered 200, and their rating answered 200. */
  ended: Set<number>;
  rated: Map<number, number>;
  /** Messages left for the contact centre, answered 201. */
  cases: Set<string>;
  /** Poll answers (anonymous, so counted): sent, and answered 201. */
  pollSent: number;
  pollCounted: number;
  /** Survey answers (each its own text) whose page was answered 200, and those sent in (200). */
  surveySaved: Set<string>;
  surveySubmitted: Set<string>;
  /** Proposers' mailboxes whose proposal was answered 202, and whose link's button was answered 200. */
  proposed: Set<string>;
  submitted: Set<string>;
  /** The same for panel sign-ups. */
  joined: Set<string>;
  members: Set<string>;
}

function openDb(kind: DatabaseKind, url: string): Db {
  return createDatabase(kind === 'sqlite' ? { kind, file: url } : { kind, url });
}

/**
 * The server's mail outbox (OUTBOX_DIR): each mail a file, written before the request that
 * sent it is answered. An SMTP server in this process would see its connections cut by every
 * kill. The links found so far, by recipient.
 */
function outbox(dir: string) {
  const links = new Map<string, string>();
  const read = new Set<string>();
  let scanning: Promise<void> | undefined;
  const scan = async () => {
    for (const file of await readdir(dir).catch(() => [] as string[])) {
      if (read.has(file)) continue;
      const mail = parseMail(await readFile(join(dir, file), 'utf8'));
      const link = findLinks(mail.text).find((l) => l.includes('/bekrafta/'));
      // A file still being written has no link yet: read it again next time.
      if (!link) continue;
      read.add(file);
      links.set(mail.to.replace(/^.*</, '').replace(/>.*$/, ''), link);
    }
  };
  return {
    /** The confirmation link mailed to `email`, or undefined if none comes within 4 s or `gaveUp()`. */
    async linkFor(email: string, gaveUp: () => boolean): Promise<string | undefined> {
      const until = Date.now() + 4_000;
      while (!links.has(email) && !gaveUp() && Date.now() < until) {
        scanning ??= scan().finally(() => (scanning = undefined));
        await scanning;
        if (!links.has(email)) await new Promise((r) => setTimeout(r, 30));
      }
      return links.get(email);
    },
  };
}

let residents = 0;
function newResident() {
  const n = residents++;
  return { email: `krasch-${run}-${n}@example.org`, address: `198.18.${(n >> 8) & 255}.${n & 255}` };
}

for (const kind of databaseKinds) {
  describe(`SIGKILL during writes on ${kind}`, () => {
    const mailDir = mkdtempSync(join(tmpdir(), 'medverka-crash-mail-'));
    let server: RunningServer | undefined;
    let drop: (() => Promise<void>) | undefined;
    after(async () => {
      await server?.kill();
      await drop?.();
      await rm(mailDir, { recursive: true, force: true });
    });

    it(`${rounds} kills mid-load: every acknowledged signature, confirmation, ballot, chat message, ending, rating and message left, poll and survey answer, proposal and panel sign-up survives, once`, { timeout: 180_000 }, async (t) => {
      const mail = outbox(mailDir);
      const database = await freshDatabase(kind);
      drop = database.drop;

      // An open petition, made as the store makes one, before the server first starts.
      const setup = openDb(kind, database.url);
      await migrateToLatest(setup);
      const { petitionId, token } = await proposePetition(setup, { title: `Krasch ${run}`, body: 'Signeras medan servern dödas, om och om igen.', name: 'Anna Andersson', email: `forslag-${run}@example.org` }, 1_000_000);
      await confirmProposal(setup, token);
      await movePetition(setup, petitionId, 'open');
      await setup.destroy();

      const env = {
        SMTP_URL: '',
        OUTBOX_DIR: mailDir,
        ALLOWED_ORIGINS: embedder,
        TRUSTED_PROXIES: '127.0.0.1',
        POW_MAX_NUMBER: '200',
        LOG_LEVEL: 'warn',
        MEDVERKA_PRINT_URLS: '0',
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        ADMIN_NAME: 'Admin',
      };
      const ack: Acknowledged = { signed: new Set(), counted: new Set(), cast: new Set(), confirmed: new Set(), messages: new Map(), ended: new Set(), rated: new Map(), cases: new Set(), pollSent: 0, pollCounted: 0, surveySaved: new Set(), surveySubmitted: new Set(), proposed: new Set(), submitted: new Set(), joined: new Set(), members: new Set() };
      /** How many of each kind of write were acknowledged (and confirmed, where mail confirms). */
      const least = () => ({ signatures: ack.counted.size, ballots: ack.confirmed.size, 'chat messages': ack.messages.size, 'messages left': ack.cases.size, 'poll answers': ack.pollCounted, 'survey answers': ack.surveySubmitted.size, proposals: ack.submitted.size, 'panel members': ack.members.size });
      server = await startServer(database.url, env, undefined, { widgets: false });

      // The demo budget (seeded open at first start): every line at its starting amount keeps within the total.
      const budget = (await (await fetch(`${server.url}/api/budgets/${demoBudgetSlug}`, { signal: AbortSignal.timeout(10_000) })).json()) as { items: { id: number; start: number }[] };
      const allocations = budget.items.map((i) => ({ itemId: i.id, amount: i.start }));
      // The demo poll, seeded open at first start too.
      const look = openDb(kind, database.url);
      const pollId = (await findDemoPoll(look))!;
      await look.destroy();
      const poll = (await (await fetch(`${server.url}/api/polls/${pollId}`, { signal: AbortSignal.timeout(10_000) })).json()) as { poll: { options: { id: number }[] } };
      const option = poll.poll.options[0]!.id;
      // An open survey of one required free-text question (id `onskan`), as staff publish one.
      const surveyId = await openSurvey(await signInStaff(server.url, admin));

      for (let round = 1; round <= rounds; round++) {
        const s = server;
        let killed = false;
        const api = (resident: { address: string }) => ({ Accept: 'application/json', Origin: embedder, 'X-Forwarded-For': resident.address });
        const post = (path: string, resident: { address: string }, body: unknown, headers: Record<string, string>) =>
          fetch(`${s.url}${path}`, { signal: AbortSignal.timeout(10_000), method: 'POST', headers: { ...api(resident), 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
        const withPow = async (resident: { address: string }) => ({ 'X-Medverka-Pow': await solved(resident) });
        const solved = async (resident: { address: string }) => {
          const challenge = (await (await fetch(`${s.url}/api/pow/challenge`, { headers: api(resident), signal: AbortSignal.timeout(10_000) })).json()) as PowChallenge;
          return powSolutionHeader(challenge, solvePow(challenge));
        };
        // Follows the mailed link's button, as the confirmation page's form posts it.
        const confirm = async (email: string, what: 'underskrift' | 'budget' | 'forslag' | 'panel', resident: { address: string }) => {
          const found = await mail.linkFor(email, () => killed);
          if (!found) {
            if (killed) return false;
            throw new Error(`no confirmation mail for ${email}`);
          }
          const link = new URL(found);
          assert.ok(link.pathname.startsWith(`/bekrafta/${what}/`));
          const res = await fetch(`${s.url}${link.pathname}${link.search}`, {
            signal: AbortSignal.timeout(10_000),
            method: 'POST',
            headers: { Origin: s.url, 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': resident.address },
            body: '',
          });
          return res.status === 200;
        };
        const resident = async (i: number) => {
          while (!killed) {
            const who = newResident();
            try {
              if (i % kinds === 0) {
                const res = await post(`/api/petitions/${petitionId}/signatures`, who, { name: 'Krasch Test', email: who.email, showName: false, hearBack: false, connection: 'resident', lang: 'sv' }, await withPow(who));
                if (res.status !== 202) throw new Error(`signature answered ${res.status}: ${await res.text()}`);
                ack.signed.add(who.email);
                if (await confirm(who.email, 'underskrift', who)) ack.counted.add(who.email);
              } else if (i % kinds === 1) {
                const res = await post(`/api/budgets/${demoBudgetSlug}/ballots`, who, { email: who.email, allocations, lang: 'sv' }, await withPow(who));
                if (res.status !== 202) throw new Error(`ballot answered ${res.status}: ${await res.text()}`);
                ack.cast.add(who.email);
                if (await confirm(who.email, 'budget', who)) ack.confirmed.add(who.email);
              } else if (i % kinds === 2) {
                // A conversation, started with its first message, then three more.
                const first = `Hej, ${who.email} här.`;
                const res = await post('/api/chat/conversations', who, { message: first, lang: 'sv' }, await withPow(who));
                if (res.status !== 201) throw new Error(`chat start answered ${res.status}: ${await res.text()}`);
                const { conversation, token } = (await res.json()) as { conversation: { id: number }; token: string };
                ack.messages.set(first, conversation.id);
                for (let n = 1; n <= 3 && !killed; n++) {
                  const text = `Meddelande ${n} från ${who.email}.`;
                  const sent = await post(`/api/chat/conversations/${conversation.id}/messages`, who, { body: text }, { [chatTokenHeader]: token });
                  if (sent.status !== 201) throw new Error(`chat message answered ${sent.status}: ${await sent.text()}`);
                  ack.messages.set(text, conversation.id);
                }
                // Ended and rated by the resident, then a message left for the contact centre.
                if (killed) continue;
                const ended = await post(`/api/chat/conversations/${conversation.id}/end`, who, {}, { [chatTokenHeader]: token });
                if (ended.status !== 200) throw new Error(`chat end answered ${ended.status}: ${await ended.text()}`);
                ack.ended.add(conversation.id);
                const stars = 1 + (conversation.id % 5);
                const rated = await post(`/api/chat/conversations/${conversation.id}/rating`, who, { rating: stars }, { [chatTokenHeader]: token });
                if (rated.status !== 200) throw new Error(`chat rating answered ${rated.status}: ${await rated.text()}`);
                ack.rated.set(conversation.id, stars);
                const left = `Ring mig, ber ${who.email}.`;
                const leaving = await post('/api/chat/cases', who, { name: 'Krasch Test', email: who.email, message: left, lang: 'sv' }, await withPow(who));
                if (leaving.status !== 201) throw new Error(`message left answered ${leaving.status}: ${await leaving.text()}`);
                ack.cases.add(left);
              } else if (i % kinds === 3) {
                ack.pollSent++;
                const res = await post(`/api/polls/${pollId}/answers`, who, { choices: [option] }, {});
                if (res.status !== 201) throw new Error(`poll answer answered ${res.status}: ${await res.text()}`);
                ack.pollCounted++;
              } else if (i % kinds === 4) {
                const started = await post(`/api/surveys/${surveyId}/responses`, who, {}, await withPow(who));
                if (started.status !== 201) throw new Error(`survey start answered ${started.status}: ${await started.text()}`);
                const survey = { [surveyTokenHeader]: ((await started.json()) as { token: string }).token };
                const text = `Längre öppettider, önskar ${who.email}.`;
                const saved = await fetch(`${s.url}/api/surveys/${surveyId}/pages/0`, {
                  signal: AbortSignal.timeout(10_000),
                  method: 'PUT',
                  headers: { ...api(who), 'Content-Type': 'application/json', ...survey },
                  body: JSON.stringify({ answers: { onskan: text } }),
                });
                if (saved.status !== 200) throw new Error(`survey page answered ${saved.status}: ${await saved.text()}`);
                ack.surveySaved.add(text);
                const sent = await post(`/api/surveys/${surveyId}/submit`, who, {}, survey);
                if (sent.status !== 200) throw new Error(`survey submit answered ${sent.status}: ${await sent.text()}`);
                ack.surveySubmitted.add(text);
              } else if (i % kinds === 5) {
                const proposal = { title: `Förslag från ${who.email}`, body: 'Ett förslag som skickas medan servern dödas.', name: 'Krasch Test', email: who.email, publicDocumentAccepted: true, lang: 'sv' };
                const res = await post('/api/petitions', who, proposal, await withPow(who));
                if (res.status !== 202) throw new Error(`proposal answered ${res.status}: ${await res.text()}`);
                ack.proposed.add(who.email);
                if (await confirm(who.email, 'forslag', who)) ack.submitted.add(who.email);
              } else {
                const res = await post('/api/panel/members', who, { email: who.email, consent: true, lang: 'sv' }, await withPow(who));
                if (res.status !== 202) throw new Error(`panel sign-up answered ${res.status}: ${await res.text()}`);
                ack.joined.add(who.email);
                if (await confirm(who.email, 'panel', who)) ack.members.add(who.email);
              }
            } catch (err) {
              // A request the kill cut short was not acknowledged; anything else is a failure.
              if (!killed) throw err;
            }
          }
        };
        const load = Promise.all(Array.from({ length: clients }, (_, i) => resident(i)));
        // Mid-load: a random moment, and not before every kind of write has been acknowledged
        // at least once (on a busy machine the first ones take longer), so the check after the
        // kills is about writes that were answered, not about how fast the machine is.
        await new Promise((r) => setTimeout(r, 1_200 + Math.random() * 1_500));
        const until = Date.now() + 60_000;
        while (Object.values(least()).some((n) => n === 0) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
        killed = true;
        await s.kill();
        await load;

        server = await startServer(database.url, env, undefined, { widgets: false });
        await verify(kind, database.url, server, { petitionId, pollId, surveyId }, ack, round);
      }
      await server.stop();
      if (kind === 'sqlite') {
        const db = openDb(kind, database.url);
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
        await db.destroy();
        assert.deepEqual(check.rows, [{ integrity_check: 'ok' }]);
      }
      t.diagnostic(
        `acknowledged over ${rounds} kills: ${ack.signed.size} signatures, ${ack.counted.size} confirmations, ${ack.cast.size} ballots, ${ack.confirmed.size} ballot confirmations, ${ack.messages.size} chat messages, ${ack.ended.size} conversations ended, ${ack.rated.size} rated, ${ack.cases.size} messages left, ${ack.pollCounted} poll answers, ${ack.surveySubmitted.size} survey answers sent in, ${ack.submitted.size} proposals confirmed, ${ack.members.size} panel members confirmed`,
      );
      assert.ok(Object.values(least()).every((n) => n > 0), `too little got through to prove anything: ${JSON.stringify(least())}`);
    });
  });
}

async function verify(
  kind: DatabaseKind,
  url: string,
  server: RunningServer,
  { petitionId, pollId, surveyId }: { petitionId: number; pollId: number; surveyId: number },
  ack: Acknowledged,
  round: number,
) {
  const db = openDb(kind, url);
  try {
    const where = `after kill ${round}`;
    if (kind === 'sqlite') {
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
      assert.deepEqual(check.rows, [{ integrity_check: 'ok' }], where);
    }
    const signatures = await db.selectFrom('signatures').select(['email', 'confirmed_at']).where('petition_id', '=', petitionId).execute();
    const emails = signatures.map((s) => s.email!);
    assert.equal(new Set(emails).size, emails.length, `${where}: a mailbox signed twice`);
    const confirmed = new Set(signatures.filter((s) => s.confirmed_at).map((s) => s.email!));
    for (const email of ack.signed) assert.ok(emails.includes(email), `${where}: acknowledged signature by ${email} lost`);
    for (const email of ack.counted) assert.ok(confirmed.has(email), `${where}: acknowledged confirmation by ${email} lost`);
    const petition = await db.selectFrom('petitions').select('signature_count').where('id', '=', petitionId).executeTakeFirstOrThrow();
    assert.equal(petition.signature_count, confirmed.size, `${where}: the count differs from the confirmed signatures`);
    // The cached count the widgets read, from the restarted server.
    const shown = (await (await fetch(`${server.url}/api/petitions/${petitionId}`, { signal: AbortSignal.timeout(10_000) })).json()) as { signatureCount: number };
    assert.equal(shown.signatureCount, confirmed.size, `${where}: the API shows another count`);

    const voters = await db
      .selectFrom('budget_voters as v')
      .leftJoin('budget_ballots as b', 'b.voter_id', 'v.id')
      .select(['v.email', 'v.counted_ballot_id', 'b.id as ballot', 'b.confirmed_at'])
      .where('v.budget_slug', '=', demoBudgetSlug)
      .execute();
    const byEmail = new Map<string, typeof voters>();
    for (const v of voters) byEmail.set(v.email!, [...(byEmail.get(v.email!) ?? []), v]);
    for (const [email, rows] of byEmail) {
      assert.equal(rows.length, 1, `${where}: ${email} has ${rows.length} ballots`);
      const [row] = rows;
      // Counted exactly when confirmed: never a counted ballot without its confirmation, or the reverse.
      assert.equal(row!.counted_ballot_id !== null, row!.confirmed_at !== null, `${where}: ${email}'s ballot is half confirmed`);
      if (row!.counted_ballot_id !== null) assert.equal(row!.counted_ballot_id, row!.ballot);
    }
    for (const email of ack.cast) assert.ok(byEmail.get(email)?.[0]?.ballot, `${where}: acknowledged ballot by ${email} lost`);
    for (const email of ack.confirmed) assert.ok(byEmail.get(email)?.[0]?.counted_ballot_id, `${where}: acknowledged ballot confirmation by ${email} lost`);
    const allocations = await db
      .selectFrom('budget_allocations as a')
      .innerJoin('budget_ballots as b', 'b.id', 'a.ballot_id')
      .select((eb) => ['b.id', eb.fn.countAll<number>().as('lines')])
      .groupBy('b.id')
      .execute();
    const lines = new Set(allocations.map((a) => Number(a.lines)));
    assert.ok(lines.size <= 1, `${where}: a ballot was stored with only some of its lines`);
    assert.equal(allocations.length, voters.filter((v) => v.ballot).length, `${where}: a ballot without its lines`);

    const messages = await db.selectFrom('chat_messages').select(['conversation_id', 'body']).where('author', '=', 'resident').execute();
    const stored = new Map<string, number[]>();
    for (const m of messages) stored.set(m.body, [...(stored.get(m.body) ?? []), m.conversation_id]);
    for (const [text, conversation] of ack.messages) {
      assert.deepEqual(stored.get(text), [conversation], `${where}: acknowledged chat message "${text}" lost, stored twice or in another conversation`);
    }

    const conversations = await db.selectFrom('chat_conversations').select(['id', 'status', 'rating']).execute();
    const conversationById = new Map(conversations.map((c) => [c.id, c]));
    for (const id of ack.ended) assert.equal(conversationById.get(id)?.status, 'closed', `${where}: conversation ${id} was ended, but is not`);
    for (const [id, stars] of ack.rated) assert.equal(conversationById.get(id)?.rating, stars, `${where}: conversation ${id}'s acknowledged rating lost`);
    const cases = await db.selectFrom('chat_cases').select('message').execute();
    for (const text of ack.cases) {
      const found = cases.filter((c) => c.message === text).length;
      assert.equal(found, 1, `${where}: message left for the contact centre "${text}" is stored ${found} times`);
    }

    // Poll answers carry nothing to know them by: none acknowledged is missing, none is counted twice, none lacks its choice.
    const answers = Number((await db.selectFrom('poll_answers').select((eb) => eb.fn.countAll<number>().as('n')).where('poll_id', '=', pollId).executeTakeFirstOrThrow()).n);
    const choices = Number((await db.selectFrom('poll_choices').select((eb) => eb.fn.countAll<number>().as('n')).where('poll_id', '=', pollId).executeTakeFirstOrThrow()).n);
    assert.ok(answers >= ack.pollCounted, `${where}: ${ack.pollCounted} poll answers acknowledged, ${answers} stored`);
    assert.ok(answers <= ack.pollSent, `${where}: ${answers} poll answers stored, only ${ack.pollSent} sent`);
    assert.equal(choices, answers, `${where}: a poll answer without its choice`);

    const responses = await db.selectFrom('survey_responses').select(['answers_json', 'submitted_at']).where('survey_id', '=', surveyId).execute();
    const byText = new Map<string, (typeof responses)[number][]>();
    for (const r of responses) {
      const text = (JSON.parse(r.answers_json) as { onskan?: string }).onskan;
      if (text) byText.set(text, [...(byText.get(text) ?? []), r]);
    }
    for (const text of ack.surveySaved) assert.equal(byText.get(text)?.length, 1, `${where}: saved survey answer "${text}" lost or stored twice`);
    for (const text of ack.surveySubmitted) assert.ok(byText.get(text)?.[0]?.submitted_at, `${where}: survey answer "${text}" was sent in, but is not`);

    const proposals = await db.selectFrom('petitions').select(['proposer_email', 'status']).where('title', 'like', 'Förslag från %').execute();
    for (const email of ack.proposed) {
      const found = proposals.filter((p) => p.proposer_email === email);
      assert.equal(found.length, 1, `${where}: ${email}'s acknowledged proposal is stored ${found.length} times`);
      if (ack.submitted.has(email)) assert.equal(found[0]!.status, 'awaiting_moderation', `${where}: ${email}'s confirmed proposal is not with the moderators`);
    }
    const members = await db.selectFrom('panel_members').select(['email', 'status']).execute();
    for (const email of ack.joined) {
      const found = members.filter((m) => m.email === email);
      assert.equal(found.length, 1, `${where}: ${email}'s acknowledged panel sign-up is stored ${found.length} times`);
      if (ack.members.has(email)) assert.equal(found[0]!.status, 'member', `${where}: ${email} confirmed joining the panel, but is not a member`);
    }
  } finally {
    await db.destroy();
  }
}
