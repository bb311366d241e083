import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { DialogueInput, PublicDialogue, StaffDialogue } from '../../server/register/schemas.js';
import { swedishDate } from '../../server/register/rules.js';
import { answerPoll, createPoll, movePoll } from '../../server/polls/store.js';
import { publishFeedback } from '../../server/register/store.js';
import { demoPetitions, seedDemoPetitions } from '../../server/petitions/seed.js';
import { strFromU8, unzipSync } from 'fflate';
import { testApp, testDatabases } from './helpers.js';
import { seedStaff, signIn, staffAccounts, staffRequest } from './staff-helpers.js';

type ErrorJson = { error: { status: number; code: string; message: string; issues?: { path: string; message: string }[] } };

/** A date `days` from today in Sweden, as YYYY-MM-DD. */
const inDays = (days: number) => swedishDate(new Date(Date.now() + days * 86_400_000));

/** A dialogue with everything publishing needs, open from yesterday for a month. */
const complete = (contactId: number, overrides: Partial<DialogueInput> = {}) => ({
  title: { sv: 'Ny lekplats i Norrby', en: 'A new playground in Norrby' },
  question: { sv: 'Vad ska finnas på den nya lekplatsen?', en: null },
  purpose: { sv: 'Lekplatsen byggs om 2027. Vi vill veta vad barn och föräldrar vill ha.', en: null },
  questionOpen: true,
  decisionMakersOpen: true,
  committee: 'Tekniska nämnden',
  administration: 'Stadsbyggnadsförvaltningen',
  contactId,
  targetGroups: ['Barn', 'Föräldrar'],
  themes: ['Lek och fritid'],
  district: 'Norrby',
  ladder: 'consult',
  canChange: { sv: 'Vilka lekredskap som byggs.', en: null },
  cannotChange: { sv: 'Var lekplatsen ligger och hur mycket den kostar.', en: null },
  plannedStart: inDays(-30),
  opensOn: inDays(-1),
  closesOn: inDays(30),
  decisionExpected: inDays(60),
  feedbackBy: inDays(90),
  ...overrides,
});

for (const database of testDatabases()) {
  describe(`the dialogue register on ${database.name}`, () => {
    const opened: { destroy(): Promise<void> }[] = [];
    after(() => Promise.all(opened.map((db) => db.destroy())));
    async function setup() {
      const t = await testApp(database, { DIARIUM_URL: 'https://diarium.kommun.test/arende?dnr={case}' });
      opened.push(t.db);
      await t.db.deleteFrom('dialogues').execute();
      if (!(await t.db.selectFrom('staff_users').select('id').executeTakeFirst())) await seedStaff(t.db);
      const staffIds = {} as Record<'admin' | 'moderator' | 'chat_agent', number>;
      for (const role of ['admin', 'moderator', 'chat_agent'] as const) {
        staffIds[role] = (await t.db.selectFrom('staff_users').select('id').where('email', '=', staffAccounts[role].email).executeTakeFirstOrThrow()).id;
      }
      const cookies = { admin: await signIn(t.app, 'admin'), moderator: await signIn(t.app, 'moderator'), chat_agent: await signIn(t.app, 'chat_agent') };
      const as = (role: keyof typeof cookies) => async (method: string, path: string, body?: unknown) => {
        const res = await staffRequest(t.app, `/api/staff/dialogues${path}`, { method, body, cookie: cookies[role] });
        return { status: res.status, body: (res.status === 204 ? null : await res.json()) as { dialogue: StaffDialogue; dialogues: StaffDialogue[] } & ErrorJson };
      };
      const staff = as('moderator');
      const publicList = async (query = '') => ((await (await t.app.request(`/api/dialogues${query}`)).json()) as { dialogues: PublicDialogue[] }).dialogues;
      const create = async (input: unknown) => {
        const res = await staff('POST', '', input);
        assert.equal(res.status, 201, JSON.stringify(res.body));
        return res.body.dialogue;
      };
      return { ...t, staffIds, as, staff, publicList, create };
    }

    it('keeps a draft with only a title, says what publishing still needs, and shows residents nothing', async () => {
      const { create, publicList, app } = await setup();
      const draft = await create({ title: { sv: 'Trafiken på Storgatan' } });
      assert.equal(draft.status, 'draft');
      assert.equal(draft.phase, 'planned');
      assert.deepEqual(
        draft.publishProblems.map((p) => p.path),
        ['questionOpen', 'decisionMakersOpen', 'question.sv', 'purpose.sv', 'ladder', 'canChange.sv', 'committee', 'contactId', 'opensOn', 'closesOn', 'feedbackBy'],
      );
      assert.deepEqual(await publicList(), []);
      assert.equal((await app.request(`/api/dialogues/${draft.id}`)).status, 404);
      assert.deepEqual(
        draft.timeline.map((s) => s.kind),
        ['created'],
      );
    });

    it('refuses bad input with 400 and stores nothing', async () => {
      const { staff, db, staffIds } = await setup();
      const bad: [unknown, string][] = [
        [{ title: { sv: '' } }, 'title.sv'],
        [{ title: { sv: 'x' }, opensOn: '2027-02-30' }, 'opensOn'],
        [{ title: { sv: 'x' }, opensOn: '2027-03-10', closesOn: '2027-03-01' }, 'closesOn'],
        [{ title: { sv: 'x' }, closesOn: '2027-03-10', feedbackBy: '2027-03-01' }, 'feedbackBy'],
        [{ title: { sv: 'x' }, ladder: 'decide-alone' }, 'ladder'],
        [{ title: { sv: 'x' }, secret: true }, '(body)'],
        [{ ...complete(staffIds.moderator), themes: ['x'.repeat(101)] }, 'themes.0'],
      ];
      for (const [body, path] of bad) {
        const res = await staff('POST', '', body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.ok(res.body.error.issues?.some((i) => i.path === path), `${JSON.stringify(res.body.error.issues)} names ${path}`);
      }
      const noContact = await staff('POST', '', { title: { sv: 'x' }, contactId: 999_999 });
      assert.equal(noContact.status, 400);
      assert.equal(noContact.body.error.code, 'contact_not_found');
      assert.equal((await db.selectFrom('dialogues').select('id').execute()).length, 0);
    });

    it('publishes only when both questions are answered yes and the promise is complete', async () => {
      const { create, staff, publicList, staffIds } = await setup();
      const d = await create(complete(staffIds.moderator, { decisionMakersOpen: false }));
      const refused = await staff('POST', `/${d.id}/publish`);
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'not_publishable');
      assert.deepEqual(
        refused.body.error.issues?.map((i) => i.path),
        ['decisionMakersOpen'],
      );
      assert.deepEqual(await publicList(), []);

      assert.equal((await staff('PUT', `/${d.id}`, complete(staffIds.moderator))).status, 200);
      const published = await staff('POST', `/${d.id}/publish`);
      assert.equal(published.status, 200);
      assert.equal(published.body.dialogue.status, 'published');
      assert.deepEqual(published.body.dialogue.publishProblems, []);
      const [shown] = await publicList();
      assert.equal(shown?.title.sv, 'Ny lekplats i Norrby');
      assert.equal(shown?.phase, 'open');
      assert.equal(shown?.contact?.name, 'Moa Moderator');
      assert.equal(shown?.ladder, 'consult');
      assert.equal(shown?.outcome, null);
      assert.ok(!('questionOpen' in shown!) && !('status' in shown!), 'staff-only fields stay out of the public view');

      // Once published, the promise stays: a change that breaks it is refused and changes nothing.
      const broken = await staff('PUT', `/${d.id}`, complete(staffIds.moderator, { questionOpen: false, feedbackBy: null }));
      assert.equal(broken.status, 409);
      assert.deepEqual(
        broken.body.error.issues?.map((i) => i.path),
        ['questionOpen', 'feedbackBy'],
      );
      const after = (await staff('GET', `/${d.id}`)).body.dialogue;
      assert.equal(after.questionOpen, true);
      assert.equal(after.feedbackBy, inDays(90));
      assert.equal((await staff('DELETE', `/${d.id}`)).status, 409, 'a published dialogue is not deleted');
    });

    it('links Medverka processes once, records offline channels, and counts who took part', async () => {
      const { create, staff, publicList, db, staffIds } = await setup();
      const d = await create(complete(staffIds.moderator));
      const other = await create({ title: { sv: 'En annan dialog' } });
      const pollId = await createPoll(db, { question: { sv: 'Gungor eller klätterställning?', en: null }, kind: 'single', options: [{ sv: 'Gungor', en: null }, { sv: 'Klätterställning', en: null }] });
      const draftPoll = await createPoll(db, { question: { sv: 'Ett utkast', en: null }, kind: 'scale' });

      assert.equal((await staff('POST', `/${d.id}/channels`, { kind: 'poll', ref: String(pollId) })).status, 201);
      assert.equal((await staff('POST', `/${d.id}/channels`, { kind: 'poll', ref: String(draftPoll) })).status, 201);
      const taken = await staff('POST', `/${other.id}/channels`, { kind: 'poll', ref: String(pollId) });
      assert.equal(taken.status, 409);
      assert.equal(taken.body.error.code, 'process_taken');
      const missing = await staff('POST', `/${d.id}/channels`, { kind: 'petition', ref: '999999' });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'process_not_found');
      const badOffline = await staff('POST', `/${d.id}/channels`, { kind: 'offline', format: 'picnic', title: 'x', heldOn: inDays(3) });
      assert.equal(badOffline.status, 400);
      const walk = await staff('POST', `/${d.id}/channels`, {
        kind: 'offline',
        format: 'walk',
        title: 'Promenad i parken',
        heldOn: inDays(3),
        place: 'Norrbyparken',
        participants: 23,
        notes: 'Många ville ha en linbana.',
        summary: { sv: 'Önskemål om linbana och skugga.', en: null },
      });
      assert.equal(walk.status, 201);

      await movePoll(db, pollId, 'open');
      const [optionId] = (await db.selectFrom('poll_options').select('id').where('poll_id', '=', pollId).orderBy('position').execute()).map((o) => o.id);
      for (let i = 0; i < 3; i++) await answerPoll(db, pollId, [optionId!]);

      await staff('POST', `/${d.id}/publish`);
      const staffView = (await staff('GET', `/${d.id}`)).body.dialogue;
      assert.deepEqual(
        staffView.channels.map((c) => [c.kind, c.title, c.participants]),
        [
          ['poll', 'Gungor eller klätterställning?', 3],
          ['poll', 'Ett utkast', 0],
          ['offline', 'Promenad i parken', 23],
        ],
      );
      const [shown] = await publicList();
      assert.deepEqual(
        shown!.channels.map((c) => [c.kind, c.ref, c.participants]),
        [
          ['poll', String(pollId), 3],
          ['offline', null, 23],
        ],
        'residents do not see a draft poll',
      );

      const walkId = staffView.channels[2]!.id;
      assert.equal((await staff('DELETE', `/${d.id}/channels/${walkId}`)).status, 200);
      assert.equal((await staff('DELETE', `/${other.id}/channels/${staffView.channels[0]!.id}`)).status, 404, 'a channel of another dialogue');
      const history = (await staff('GET', `/${d.id}`)).body.dialogue.timeline.map((s) => [s.kind, s.detail]);
      assert.deepEqual(history, [
        ['created', null],
        ['channel_linked', `poll ${pollId}`],
        ['channel_linked', `poll ${draftPoll}`],
        ['offline_recorded', 'Promenad i parken'],
        ['published', null],
        ['channel_removed', 'Promenad i parken'],
      ]);
    });

    it('shows the outcome once the feedback is published, with the case linked in the public record', async () => {
      const { create, staff, publicList, staffIds } = await setup();
      const d = await create(complete(staffIds.moderator));
      assert.equal((await staff('POST', `/${d.id}/feedback`)).body.error.code, 'not_published');
      await staff('POST', `/${d.id}/publish`);
      const early = await staff('POST', `/${d.id}/feedback`);
      assert.equal(early.status, 409);
      assert.equal(early.body.error.code, 'outcome_missing');
      assert.deepEqual(
        early.body.error.issues?.map((i) => i.path),
        ['outcome.summary.sv', 'outcome.use.sv'],
      );

      const outcome = {
        summary: { sv: '212 svar i snabbfrågan och 23 på promenaden.', en: null },
        use: { sv: 'Gungor och en linbana byggs; skugga planteras.', en: null },
        decision: { sv: 'Tekniska nämnden beslutade att bygga lekplatsen med gungor och linbana.', en: null },
        caseNumber: 'TN/2027/0042',
        decidedOn: inDays(-1),
      };
      assert.equal((await staff('PUT', `/${d.id}/outcome`, { ...outcome, decidedOn: 'igår' })).status, 400);
      assert.equal((await staff('PUT', `/${d.id}/outcome`, outcome)).status, 200);
      assert.equal((await publicList())[0]!.outcome, null, 'not shown before the feedback is published');

      const published = await staff('POST', `/${d.id}/feedback`);
      assert.equal(published.status, 200);
      const shown = (await publicList())[0]!;
      assert.equal(shown.outcome?.decision.sv, outcome.decision.sv);
      assert.equal(shown.outcome?.caseNumber, 'TN/2027/0042');
      assert.equal(shown.outcome?.caseUrl, 'https://diarium.kommun.test/arende?dnr=TN%2F2027%2F0042');
      assert.ok(shown.outcome?.feedbackPublishedAt);
      assert.deepEqual(
        shown.timeline.map((s) => s.kind),
        ['published', 'decided', 'feedback_published'],
      );
    });

    it('places each dialogue in its phase from today’s date, and filters by phase, theme and district', async () => {
      const { create, staff, publicList, staffIds } = await setup();
      const make = async (title: string, overrides: Partial<DialogueInput>) => {
        const d = await create(complete(staffIds.moderator, { title: { sv: title, en: null }, ...overrides }));
        assert.equal((await staff('POST', `/${d.id}/publish`)).status, 200);
      };
      await make('Planerad', { plannedStart: inDays(5), opensOn: inDays(10), closesOn: inDays(40), decisionExpected: null, feedbackBy: inDays(60), themes: ['Trafik'], district: 'Söder' });
      await make('Öppen, stänger sent', { opensOn: inDays(-5), closesOn: inDays(20), plannedStart: null });
      await make('Öppen, stänger i dag', { opensOn: inDays(-5), closesOn: inDays(0), plannedStart: null, decisionExpected: null });
      await make('Avslutad', { plannedStart: null, opensOn: inDays(-60), closesOn: inDays(-30), decisionExpected: null, feedbackBy: inDays(-2), themes: ['Trafik'] });

      assert.deepEqual(
        (await publicList()).map((d) => [d.title.sv, d.phase]),
        [
          ['Öppen, stänger i dag', 'open'],
          ['Öppen, stänger sent', 'open'],
          ['Planerad', 'planned'],
          ['Avslutad', 'finished'],
        ],
      );
      assert.deepEqual(
        (await publicList('?phase=finished')).map((d) => d.title.sv),
        ['Avslutad'],
      );
      assert.deepEqual(
        (await publicList('?theme=Trafik')).map((d) => d.title.sv),
        ['Planerad', 'Avslutad'],
      );
      assert.deepEqual(
        (await publicList('?district=S%C3%B6der')).map((d) => d.title.sv),
        ['Planerad'],
      );
      assert.equal((await staff('GET', '')).body.dialogues.length, 4);
    });

    it('marks feedback overdue once its promised date has passed, until it is published', async () => {
      const { create, staff, staffIds } = await setup();
      const d = await create(complete(staffIds.moderator, { plannedStart: null, opensOn: inDays(-60), closesOn: inDays(-30), decisionExpected: null, feedbackBy: inDays(-1) }));
      assert.equal(d.feedbackOverdue, false, 'a draft promised nobody anything');
      assert.equal((await staff('POST', `/${d.id}/publish`)).body.dialogue.feedbackOverdue, true);
      const onTime = await create(complete(staffIds.moderator, { title: { sv: 'I tid', en: null } }));
      assert.equal((await staff('POST', `/${onTime.id}/publish`)).body.dialogue.feedbackOverdue, false);
      await staff('PUT', `/${d.id}/outcome`, { summary: { sv: 'Svaren', en: null }, use: { sv: 'Användes', en: null }, decision: { sv: '', en: null } });
      assert.equal((await staff('POST', `/${d.id}/feedback`)).body.dialogue.feedbackOverdue, false);
    });

    it('lets administrators and moderators keep every dialogue, a contact person their own, and nobody unsigned', async () => {
      const { create, as, app, staffIds } = await setup();
      const agent = as('chat_agent');
      const theirs = await create(complete(staffIds.chat_agent));
      const others = await create(complete(staffIds.moderator));
      assert.equal((await agent('POST', '', { title: { sv: 'Egen' } })).status, 403, 'a chat agent does not start dialogues');
      assert.equal((await agent('GET', '')).status, 200, 'every staff member reads the register');
      assert.equal((await agent('POST', `/${theirs.id}/publish`)).status, 200, 'the contact person publishes their own');
      const refused = await agent('PUT', `/${others.id}`, complete(staffIds.chat_agent));
      assert.equal(refused.status, 403);
      assert.equal((await as('moderator')('GET', `/${others.id}`)).body.dialogue.contact?.id, staffIds.moderator, 'unchanged');
      assert.equal((await as('admin')('POST', `/${others.id}/publish`)).status, 200);
      assert.equal((await app.request('/api/staff/dialogues')).status, 401);
      assert.equal((await agent('DELETE', `/${theirs.id}`)).status, 403);
      const draft = await create({ title: { sv: 'Utkast' } });
      assert.equal((await as('admin')('DELETE', `/${draft.id}`)).status, 204);
      assert.equal((await as('admin')('GET', `/${draft.id}`)).status, 404);
    });

    it('sums the year per committee: dialogues, participants per channel, feedback on time', async () => {
      const { create, staff, db, staffIds, app } = await setup();
      const year = Number(inDays(0).slice(0, 4));
      const make = async (committee: string, overrides: Partial<DialogueInput>) => {
        const d = await create(complete(staffIds.moderator, { committee, plannedStart: null, decisionExpected: null, ...overrides }));
        assert.equal((await staff('POST', `/${d.id}/publish`)).status, 200);
        await staff('PUT', `/${d.id}/outcome`, { summary: { sv: 'Svar', en: null }, use: { sv: 'Användes', en: null }, decision: { sv: '', en: null } });
        return d.id;
      };
      // Both closed and due: one answered in time (published the day before its promise), one late (published now).
      const past = `${year}-01-01` <= inDays(-40) ? { opensOn: inDays(-40), closesOn: inDays(-30), feedbackBy: inDays(-3) } : { opensOn: `${year}-01-01`, closesOn: `${year}-01-01`, feedbackBy: `${year}-01-01` };
      const onTime = await make('Tekniska nämnden', past);
      await publishFeedback(db, onTime, new Date(Date.now() - 5 * 86_400_000));
      const late = await make('Tekniska nämnden', past);
      await staff('POST', `/${late}/feedback`);
      const open = await make('Kultur- och fritidsnämnden', {});
      await staff('POST', `/${open}/channels`, { kind: 'offline', format: 'meeting', title: 'Stormöte', heldOn: inDays(0), participants: 40 });
      await make('Tekniska nämnden', { opensOn: `${year + 1}-02-01`, closesOn: `${year + 1}-03-01`, feedbackBy: `${year + 1}-06-01` });
      await create(complete(staffIds.moderator, { committee: 'Utkastnämnden' }));

      const res = await staff('GET', `/overview?year=${year}`);
      assert.equal(res.status, 200);
      const { overview } = res.body as unknown as { overview: { committees: { committee: string; dialogues: number; participants: Record<string, number>; feedbackDue: number; feedbackOnTime: number; shareOnTime: number | null }[] } };
      const late2 = past.feedbackBy < inDays(0);
      assert.deepEqual(
        overview.committees.map((r) => [r.committee, r.dialogues, r.participants.offline, r.feedbackDue, r.feedbackOnTime, r.shareOnTime]),
        [
          ['Kultur- och fritidsnämnden', 1, 40, 0, 0, null],
          ['Tekniska nämnden', 2, 0, late2 ? 2 : 0, late2 ? 1 : 0, late2 ? 0.5 : null],
        ],
        'drafts and next year’s dialogues are not counted',
      );
      const csv = await staffRequest(app, `/api/staff/dialogues/overview.csv?year=${year}`, { cookie: await signIn(app, 'admin') });
      assert.equal(csv.status, 200);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
      assert.match(text, /^\uFEFFNämnd,Dialoger,Deltagare: e-förslag/);
      assert.match(text, /\r\nKultur- och fritidsnämnden,1,0,0,0,0,40,0,0,,0,\r\n/);
      assert.equal((await staff('GET', '/overview?year=99')).status, 400);
    });

    it('exports a dialogue with its channels’ public data in one zip, and no resident’s personal data', async () => {
      const { create, staff, db, staffIds, app } = await setup();
      await seedDemoPetitions(db, 100);
      const petition = await db.selectFrom('petitions').select(['id', 'signature_count', 'proposer_name', 'proposer_email']).where('title', '=', demoPetitions.open.title).executeTakeFirstOrThrow();
      const signers = await db.selectFrom('signatures').select(['name', 'email']).where('petition_id', '=', petition.id).execute();
      assert.ok(signers.length > 10);
      const pollId = await createPoll(db, { question: { sv: 'Gungor eller linbana?', en: null }, kind: 'single', options: [{ sv: 'Gungor', en: null }, { sv: 'Linbana', en: null }] });
      await movePoll(db, pollId, 'open');
      const [first, second] = (await db.selectFrom('poll_options').select('id').where('poll_id', '=', pollId).orderBy('position').execute()).map((o) => o.id);
      for (const choice of [first, second, second]) await answerPoll(db, pollId, [choice!]);

      const d = await create(complete(staffIds.moderator));
      for (const channel of [
        { kind: 'petition', ref: String(petition.id) },
        { kind: 'poll', ref: String(pollId) },
        { kind: 'offline', format: 'meeting', title: 'Stormöte, Norrby skola', heldOn: inDays(1), place: 'Aulan', participants: 35, notes: 'Frågor om belysning.' },
      ]) {
        await db.deleteFrom('dialogue_channels').where('kind', '=', channel.kind as 'poll').where('ref', '=', channel.ref ?? '').execute();
        assert.equal((await staff('POST', `/${d.id}/channels`, channel)).status, 201);
      }
      const res = await staffRequest(app, `/api/staff/dialogues/${d.id}/export.zip`, { cookie: await signIn(app, 'moderator') });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/zip');
      assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`filename="dialog-${d.id}.zip"`));
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      assert.deepEqual(Object.keys(files).sort(), [
        'dialog.json',
        `e-forslag-${petition.id}-underskrifter-per-dag.csv`,
        `e-forslag-${petition.id}.json`,
        'kanaler.csv',
        `snabbfraga-${pollId}.csv`,
        `snabbfraga-${pollId}.json`,
      ]);
      const text = (name: string) => strFromU8(files[name]!);
      assert.equal((JSON.parse(text('dialog.json')) as StaffDialogue).title.sv, 'Ny lekplats i Norrby');
      assert.match(text('kanaler.csv'), /meeting,,"Stormöte, Norrby skola",\d{4}-\d{2}-\d{2},Aulan,35,/);
      assert.match(text(`snabbfraga-${pollId}.csv`), /svar,antal\r\nGungor,1\r\nLinbana,2\r\n/);
      const perDay = text(`e-forslag-${petition.id}-underskrifter-per-dag.csv`).split('\r\n').slice(1).filter(Boolean);
      assert.equal(perDay.reduce((sum, line) => sum + Number(line.split(',')[1]), 0), petition.signature_count, 'every signature counted, by day');
      const everything = Object.keys(files).map(text).join('\n');
      for (const s of signers) {
        assert.ok(!everything.includes(s.email!), 'no signer’s address');
        if (s.name) assert.ok(!everything.includes(s.name), 'no signer’s name');
      }
      assert.ok(!everything.includes(petition.proposer_email!), 'no proposer’s address');
    });

    it('describes the register for open-data portals in DCAT-AP-SE', async () => {
      const t = await testApp(database, { MUNICIPALITY_NAME: 'Bro & Ås kommun', CONTACT_EMAIL: 'kommun@bro.test' });
      const res = await t.app.request('/api/dialogues/dcat');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/rdf\+xml/);
      const rdf = await res.text();
      // Well formed: every element closed in order.
      const open: string[] = [];
      for (const [, end, name, self] of rdf.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
        if (self) continue;
        if (end) assert.equal(open.pop(), name, `</${name}> closes what was opened`);
        else open.push(name!);
      }
      assert.deepEqual(open, []);
      assert.match(rdf, /<dcat:Catalog rdf:about="http:\/\/dialog.test\/api\/dialogues\/dcat">/);
      assert.match(rdf, /<foaf:name xml:lang="sv">Bro &amp; Ås kommun<\/foaf:name>/);
      assert.match(rdf, /<dcat:Dataset rdf:about="http:\/\/dialog.test\/api\/dialogues">/);
      assert.match(rdf, /<vcard:hasEmail rdf:resource="mailto:kommun@bro.test"\/>/);
      assert.match(rdf, /<dcat:accessURL rdf:resource="http:\/\/dialog.test\/api\/dialogues"\/>/);
      assert.match(rdf, /data-theme\/GOVE/);
      await t.db.destroy();
    });

    it('is described in the OpenAPI document as open data', async () => {
      const { app } = await setup();
      const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
      for (const path of ['/api/dialogues', '/api/dialogues/{id}', '/api/dialogues/dcat', '/api/staff/dialogues/overview', '/api/staff/dialogues', '/api/staff/dialogues/{id}/publish', '/api/staff/dialogues/{id}/feedback']) {
        assert.ok(doc.paths[path], path);
      }
    });
  });
}
