import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { powHeader } from '../../server/abuse/proof-of-work.js';
import { findPublicBudget, moveBudget, publishBudget } from '../../server/budgets/store.js';
import { demoBudgetSlug, seedDemoBudget } from '../../server/budgets/seed.js';
import { anonymiseOldConversations } from '../../server/chat/store.js';
import type { Db } from '../../server/db/index.js';
import { confirmMember, createSurvey, inviteMembers, joinPanel, moveSurvey, responseByToken, savePage, submitResponse } from '../../server/panel/store.js';
import { anonymiseOldBallots, anonymiseOldSignatures } from '../../server/petitions/housekeeping.js';
import { confirmProposal, movePetition, proposePetition } from '../../server/petitions/store.js';
import { fromAddress, memoryLogger, pow, testApp, testDatabases, testMailbox, type TestDatabase } from './helpers.js';
import { seedStaff, signIn, staffRequest } from './staff-helpers.js';

/**
 * Erasure on request (npm run admin -- erase) and anonymisation after the retention period
 * leave no personal data anywhere: not in any column of any table, not in the staff exports,
 * not in the log; and every public count stays as it was.
 */

const root = resolve(import.meta.dirname, '../..');
const mailbox = testMailbox();

/** A resident whose every detail is unmistakable wherever it lands. */
function person(label: string, n: number) {
  const tag = randomBytes(4).toString('hex');
  return {
    email: `${label}.${tag}@example.se`,
    name: `Markör${label}${tag}`,
    // A personnummer written into free text (a valid check digit, so the masking sees it).
    personnummer: n === 1 ? '811218-9876' : '640823-3234',
    address: `203.0.113.${n * 10 + 7}`,
    tag,
  };
}
type Person = ReturnType<typeof person>;
const markersOf = (p: Person) => [p.email, p.email.split('@')[0]!, p.name, p.personnummer, p.personnummer.replace('-', ''), p.address];

/** Every row of every table, as text. */
async function everything(db: Db, kind: TestDatabase['name']): Promise<string> {
  const tables =
    kind === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db)).rows.map((r) => r.name);
  assert.ok(tables.includes('signatures') && tables.includes('chat_messages') && tables.includes('panel_members'));
  let dump = '';
  for (const table of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
    dump += `${table}\n${JSON.stringify(rows)}\n`;
  }
  return dump;
}

function found(haystack: string, people: Person[]): string[] {
  const lower = haystack.toLowerCase();
  return people.flatMap((p) => markersOf(p).filter((m) => lower.includes(m.toLowerCase())));
}

for (const database of testDatabases()) {
  describe(`erasure and anonymisation on ${database.name}`, () => {
    it('leaves no personal data in the tables, exports or log, and every count as it was', { timeout: 60_000 }, async () => {
      const log = memoryLogger('info');
      const mailer = mailbox.mailer(undefined, log);
      const { app, db } = await testApp(
        database,
        { POW_MAX_NUMBER: '1000', TRUSTED_PROXIES: '127.0.0.1', CHAT_HOURS: 'mon-sun 00:00-24:00; holidays 00:00-24:00', CHAT_CASE_EMAIL: 'kontaktcenter@kommun.test', LOG_LEVEL: 'info' },
        { mailer, log },
      );
      try {
        await seedStaff(db);
        await seedDemoBudget(db);
        const admin = await signIn(app, 'admin');
        // A asks to be erased; B is anonymised when the retention period has run out.
        const a = person('a', 1);
        const b = person('b', 2);
        const send = async (path: string, body: unknown, who: Person, headers: Record<string, string> = {}) =>
          app.request(
            path,
            { method: 'POST', headers: { 'Content-Type': 'application/json', [powHeader]: await pow(app), 'X-Forwarded-For': who.address, ...headers }, body: JSON.stringify(body) },
            fromAddress('127.0.0.1'),
          );
        const confirmFromMail = async (who: Person, kind: string) => {
          const { link } = await mailbox.linkIn(who.email, new RegExp(`/bekrafta/${kind}/`));
          const res = await app.request(`${link.pathname}${link.search}`, { method: 'POST', headers: { Origin: 'http://dialog.test', 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': who.address }, body: '' }, fromAddress('127.0.0.1'));
          assert.equal(res.status, 200);
        };

        // A petition both sign over HTTP (name shown, connection stated with a personnummer in it).
        const { petitionId, token } = await proposePetition(db, { title: 'Fler bänkar vid ån', body: 'Äldre behöver kunna vila på promenaden längs ån.', name: 'Anna Andersson', email: 'anna.forslag@example.se' }, 100);
        await confirmProposal(db, token);
        await movePetition(db, petitionId, 'open');
        for (const who of [a, b]) {
          const res = await send(`/api/petitions/${petitionId}/signatures`, { name: who.name, email: who.email, showName: true, hearBack: true, connection: 'other', connectionText: `Jobbar här, pnr ${who.personnummer}`, lang: 'sv' }, who);
          assert.equal(res.status, 202, await res.text());
          await confirmFromMail(who, 'underskrift');
        }
        // A also proposed a petition of their own, rejected: never a public document.
        const proposed = await send('/api/petitions', { title: 'Ett förslag som avslås', body: 'Ett förslag som aldrig publiceras, om något helt annat.', name: a.name, email: a.email, publicDocumentAccepted: true, lang: 'sv' }, a);
        assert.equal(proposed.status, 202, await proposed.text());
        await confirmFromMail(a, 'forslag');
        // Both share out the demo budget and confirm.
        const budget = (await findPublicBudget(db, demoBudgetSlug))!;
        for (const who of [a, b]) {
          const res = await send(`/api/budgets/${demoBudgetSlug}/ballots`, { email: who.email, allocations: budget.items.map((i) => ({ itemId: i.id, amount: i.start })), lang: 'sv' }, who);
          assert.equal(res.status, 202, await res.text());
          await confirmFromMail(who, 'budget');
        }
        // Both chat, giving name, address and a personnummer; both also leave a message.
        for (const who of [a, b]) {
          const started = await send('/api/chat/conversations', { name: who.name, email: who.email, message: `Hej, jag heter ${who.name}, pnr ${who.personnummer}, mejla ${who.email}`, lang: 'sv' }, who);
          assert.equal(started.status, 201, await started.text());
          const left = await send('/api/chat/cases', { name: who.name, email: who.email, message: `Ring mig, ${who.name}, ${who.personnummer}`, lang: 'sv' }, who);
          assert.equal(left.status, 201, await left.text());
        }
        // C proposed a petition but never confirmed it: a draft, never a public document.
        const c = person('c', 3);
        await proposePetition(db, { title: 'Ett förslag som aldrig bekräftas', body: 'Förslagsställaren följde aldrig länken i mejlet.', name: c.name, email: c.email }, 100);
        // A joins the citizen panel.
        const joined = await joinPanel(db, { name: a.name, email: a.email, lang: 'sv' });
        if (!joined.alreadyMember) await confirmMember(db, joined.token);
        // … and answers a panel survey.
        const surveyId = await createSurvey(db, {
          title: { sv: 'Parkerna', en: null },
          intro: { sv: '', en: null },
          audience: 'panel',
          pages: [{ questions: [{ id: 'parker', type: 'single', text: { sv: 'Vilken park?', en: null }, options: [{ sv: 'Stadsparken', en: null }, { sv: 'Ån', en: null }], required: true }] }],
        });
        assert.ok(await moveSurvey(db, surveyId, ['draft'], { status: 'approved' }));
        const [invitation] = (await inviteMembers(db, surveyId))!;
        const response = (await responseByToken(db, surveyId, invitation!.surveyToken!))!;
        assert.ok(await savePage(db, response.id, ['parker'], { parker: 1 }, 0));
        assert.ok(await submitResponse(db, response.id));

        const countsNow = async () => ({
          signatures: ((await (await app.request(`/api/petitions/${petitionId}`)).json()) as { signatureCount: number }).signatureCount,
          ballots: await (await staffRequest(app, `/api/staff/budgets/${demoBudgetSlug}/results`, { cookie: admin })).text(),
          survey: await (await staffRequest(app, `/api/staff/surveys/${surveyId}/results`, { cookie: admin })).text(),
        });
        const exports = async () =>
          [
            await (await staffRequest(app, `/api/staff/petitions/${petitionId}/signatures.csv`, { cookie: admin })).text(),
            await (await staffRequest(app, `/api/staff/budgets/${demoBudgetSlug}/ballots.csv`, { cookie: admin })).text(),
            await (await staffRequest(app, `/api/staff/budgets/${demoBudgetSlug}/results.csv`, { cookie: admin })).text(),
            await (await staffRequest(app, '/api/staff/chat/conversations', { cookie: admin })).text(),
            await (await staffRequest(app, `/api/staff/surveys/${surveyId}/responses.csv`, { cookie: admin })).text(),
          ].join('\n');
        const before = await countsNow();
        assert.equal(before.signatures, 2);
        assert.match(before.survey, /"counts":\[0,1\]/);

        // The test can see what it looks for: before anything is erased, both are in the tables and the export.
        assert.ok(found(await everything(db, database.name), [a]).includes(a.email), 'A is in the database before erasure');
        assert.ok(found(await exports(), [b]).includes(b.email), 'B is in the export before anonymisation');

        // Erasure on request, by the command line, with the address spelled otherwise.
        const env = { ...process.env, DATABASE_URL: database.database.kind === 'sqlite' ? database.database.file : database.database.url, LOG_LEVEL: 'silent' };
        const erase = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'erase', '--email', a.email.toUpperCase()], { cwd: root, env, encoding: 'utf8' });
        assert.equal(erase.status, 0, erase.stderr);
        assert.match(erase.stdout, /1 signature\(s\), 1 proposal\(s\), 1 budget ballot\(s\), 1 chat conversation\(s\), 1 chat message\(s\) left, the panel membership/);
        assert.deepEqual(found(await everything(db, database.name), [a]), [], 'nothing of A is left in the database');
        assert.deepEqual(found(await exports(), [a]), [], 'nothing of A is left in the exports');
        assert.ok(found(await everything(db, database.name), [b]).includes(b.email), 'B is untouched by A’s erasure');
        assert.deepEqual(await countsNow(), before, 'the counts are unchanged by erasure');

        // Retention: the petition closes, the budget is published, a year passes.
        await movePetition(db, petitionId, 'closed');
        await moveBudget(db, demoBudgetSlug, 'closed');
        await publishBudget(db, demoBudgetSlug, { decision: { sv: 'Beslutat.', en: null }, selected: [] });
        const published = await countsNow();
        const later = new Date(Date.now() + 366 * 86_400_000);
        assert.equal(await anonymiseOldSignatures(db, 90, later), 2, 'the closed petition and the draft');
        assert.equal(await anonymiseOldBallots(db, 90, later), 1);
        assert.deepEqual(await anonymiseOldConversations(db, 90, later), { conversations: 1, cases: 1 }, 'B’s; A’s went at the erasure');

        const dump = await everything(db, database.name);
        assert.deepEqual(found(dump, [a, b, c]), [], 'no personal data is left in the database');
        assert.deepEqual(found(await exports(), [a, b]), [], 'no personal data is left in the exports');
        assert.deepEqual(await countsNow(), published, 'the counts are unchanged by anonymisation');
        assert.equal((await countsNow()).signatures, 2);
        // The log, at the production level, never held any of it.
        assert.deepEqual(found(JSON.stringify(log.lines), [a, b, c]), [], 'no personal data in the log');
      } finally {
        await mailer.close();
        await db.destroy();
      }
    });
  });
}
