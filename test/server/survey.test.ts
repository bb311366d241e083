import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CapturedMail } from '../../server/mail/capture.js';
import { findLinks } from '../../server/mail/mailer.js';
import type { StaffSurvey, SurveyInput, SurveyResults } from '../../server/panel/schemas.js';
import { surveyResults } from '../../server/panel/results.js';
import { shownBreakdowns, shownGroups } from '../../server/privacy/small-groups.js';
import { confirmMember, joinPanel } from '../../server/panel/store.js';
import { powHeader } from '../../server/abuse/proof-of-work.js';
import { pow, powPost, testDatabases, testMailbox } from './helpers.js';
import { seedStaffOnce, signIn, staffRequest } from './staff-helpers.js';

const mailbox = testMailbox();

const survey: SurveyInput = {
  title: { sv: 'Livet i Exempelby', en: 'Life in Exempelby' },
  intro: { sv: 'Tio minuter om din vardag.', en: null },
  audience: 'panel',
  pages: [
    {
      questions: [
        { id: 'favorit', type: 'single', text: { sv: 'Vilken plats gillar du mest?', en: null }, options: [{ sv: 'Parken', en: null }, { sv: 'Biblioteket', en: null }, { sv: 'Badhuset', en: null }], required: true },
        { id: 'tjanster', type: 'multiple', text: { sv: 'Vad använder du?', en: null }, options: [{ sv: '=SUM(A1)', en: null }, { sv: 'Snöröjning', en: null }, { sv: 'Kollektivtrafik', en: null }], required: false },
      ],
    },
    {
      questions: [
        { id: 'nojd', type: 'scale', text: { sv: 'Hur nöjd är du?', en: null }, required: true },
        { id: 'rangordna', type: 'ranking', text: { sv: 'Vad är viktigast?', en: null }, options: [{ sv: 'Skola', en: null }, { sv: 'Vård', en: null }, { sv: 'Miljö', en: null }], required: true },
        { id: 'ovrigt', type: 'text', text: { sv: 'Något mer?', en: null }, required: false },
      ],
    },
  ],
};

type Answers = Record<string, unknown>;

describe('the small-group rule', () => {
  it('hides a small group and, the smallest first, enough others that the whole minus the shown groups gives nobody away', () => {
    assert.deepEqual(shownGroups([5, 1], 5), [false, false], 'five and one: the five would give the one away');
    assert.deepEqual(shownGroups([0, 5, 0, 1, 0], 5), [false, false, false, false, false]);
    assert.deepEqual(shownGroups([7, 5, 1, 0], 5), [true, false, false, false], 'hiding the 5 beside the 1 leaves 6 together');
    assert.deepEqual(shownGroups([7, 5, 0], 5), [true, true, false], 'nobody hidden: nothing to protect');
    assert.deepEqual(shownGroups([3, 2, 9], 5), [false, false, true], 'two small groups together are 5');
    assert.deepEqual(shownGroups([2], 5), [false]);
    for (let run = 0; run < 500; run++) {
      const sizes = Array.from({ length: 1 + (run % 6) }, (_, i) => (run * 7 + i * 13) % 11);
      const shown = shownGroups(sizes, 5);
      const rest = sizes.reduce((sum, n, i) => sum + (shown[i] ? 0 : n), 0);
      // All hidden: what is left is the whole, shown anyway, and no group.
      assert.ok(rest === 0 || rest >= 5 || shown.every((x) => !x), `${sizes}: ${rest}`);
      assert.ok(sizes.every((n, i) => !shown[i] || n >= 5), `${sizes}`);
    }
  });

  it('hides a group that nearly coincides with a group of the other breakdown, so the two views together give nobody away', () => {
    // Eleven respondents: everyone in Norr is 30–49, and one 30–49 lives in Söder. "30–49"
    // minus "Norr" would be that one person's answers.
    const pages = [{ questions: [{ id: 't', type: 'text' as const, text: { sv: 'Något?', en: null }, required: false }, { id: 's', type: 'scale' as const, text: { sv: 'Hur?', en: null }, required: true }] }];
    const person = (n: number, ageBand: string, district: string, s: number) => ({ id: n, ageBand, district, submittedAt: '2026-01-01T00:00:00Z', answers: { t: `svar ${n}`, s } });
    const responses = [
      ...Array.from({ length: 5 }, (_, i) => person(i, '30–49', 'Norr', 3)),
      person(5, '30–49', 'Söder', 1),
      ...Array.from({ length: 5 }, (_, i) => person(6 + i, '65+', 'Söder', 4)),
    ];
    const known = { ageBand: ['30–49', '65+'], district: ['Norr', 'Söder'] };
    const byAge = surveyResults(pages, responses, 'ageBand', known, 5).groups!;
    const byDistrict = surveyResults(pages, responses, 'district', known, 5).groups!;
    const shown = (groups: typeof byAge) => groups.filter((g) => !g.hidden).map((g) => g.group);
    // Each breakdown alone would show both its groups (6 + 5, and 5 + 6).
    assert.deepEqual(shownGroups([6, 5, 0], 5), [true, true, false]);
    // Together, Norr (5) lies inside 30–49 (6) with one to spare, and 65+ (5) inside Söder (6):
    // the two breakdowns nearly coincide, so only one of them can be shown. Söder is, and Norr
    // (the whole minus Söder: five people) is not listed; no age group is shown.
    assert.deepEqual(shown(byDistrict), ['Söder']);
    assert.deepEqual(shown(byAge), []);
    assert.ok(!JSON.stringify(byAge).includes('svar 5'), 'the lone one’s free text is nowhere per group');

    // Brute force over small panels: for any two shown groups of different breakdowns, and
    // for a group and the whole without a group, no difference of 1–4 people when one holds the other.
    for (let run = 0; run < 300; run++) {
      const people = Array.from({ length: 6 + (run % 20) }, (_, i) => [(run * 31 + i * 7) % 3, (run * 17 + i * i) % 3]);
      const shownNow = shownBreakdowns([people.map((p) => p[0]!), people.map((p) => p[1]!)], [3, 3], 5);
      const sets = [0, 1].map((b) => [0, 1, 2].filter((g) => shownNow[b]![g]).flatMap((g) => {
        const inside = new Set(people.flatMap((p, i) => (p[b] === g ? [i] : [])));
        return [inside, new Set(people.map((_, i) => i).filter((i) => !inside.has(i)))];
      }));
      for (const x of sets[0]!) for (const y of sets[1]!) {
        const xy = [...x].filter((i) => !y.has(i)).length;
        const yx = [...y].filter((i) => !x.has(i)).length;
        assert.ok(!((xy === 0 && yx > 0 && yx < 5) || (yx === 0 && xy > 0 && xy < 5)), `run ${run}: ${JSON.stringify(people)}`);
      }
      for (const b of [0, 1]) {
        const sizes = [0, 1, 2].map((g) => people.filter((p) => p[b] === g).length);
        const hidden = sizes.reduce((sum, n, g) => sum + (shownNow[b]![g] ? 0 : n), 0);
        assert.ok(hidden === 0 || hidden >= 5 || shownNow[b]!.every((x) => !x), `run ${run}, breakdown ${b}`);
      }
    }
  });

  it('lists a shown group with its figures and free text, a hidden one with neither', () => {
    const pages = [{ questions: [{ id: 't', type: 'text' as const, text: { sv: 'Något?', en: null }, required: false }, { id: 's', type: 'scale' as const, text: { sv: 'Hur?', en: null }, required: true }] }];
    const response = (ageBand: string, text: string, n: number) => ({ id: n, ageBand, district: null, submittedAt: '2026-01-01T00:00:00Z', answers: { t: text, s: 3 } });
    const responses = [
      ...Array.from({ length: 7 }, (_, i) => response('A', `a${i}`, i)),
      ...Array.from({ length: 5 }, (_, i) => response('B', `b${i}`, 10 + i)),
      response('C', 'c-hemlig', 20),
    ];
    const results = surveyResults(pages, responses, 'ageBand', { ageBand: ['A', 'B', 'C'], district: [] }, 5);
    const [a, b, c] = results.groups!;
    assert.ok(a && !a.hidden && a.respondents === 7 && a.questions[0]!.answers!.length === 7);
    assert.deepEqual(b, { group: 'B', hidden: true });
    assert.deepEqual(c, { group: 'C', hidden: true });
    assert.ok(!JSON.stringify(results.groups).includes('hemlig'));
  });
});

for (const database of testDatabases()) {
  describe(`surveys on ${database.name}`, () => {
    async function setup() {
      const t = await mailbox.app(database, { PANEL_MIN_GROUP: '3', POW_MAX_NUMBER: '1000' });
      await t.db.deleteFrom('surveys').execute();
      await t.db.deleteFrom('panel_members').execute();
      await seedStaffOnce(t.db);
      const cookie = await signIn(t.app, 'moderator');
      const otherCookie = await signIn(t.app, 'admin');
      // The moderator writes; a survey is approved by someone other than its author (the admin).
      const staff = (method: string, path: string, body?: unknown) =>
        staffRequest(t.app, path, { method, body, cookie: path.endsWith('/approve') ? otherCookie : cookie });
      const asAuthor = (method: string, path: string, body?: unknown) => staffRequest(t.app, path, { method, body, cookie });
      return { ...t, staff, asAuthor };
    }
    type App = Awaited<ReturnType<typeof setup>>['app'];
    const { mailTo, mailsTo } = mailbox;
    const tokenIn = (mail: CapturedMail, id: number) => {
      const link = findLinks(mail.text).find((l) => l.includes(`/enkat/${id}`))!;
      assert.ok(link, 'a personal survey link');
      return new URL(link).hash.slice(1);
    };
    const leaveLinkIn = (mail: CapturedMail) => {
      const link = findLinks(mail.text).at(-1)!;
      assert.ok(link.includes('/lamna-panelen/'), 'the mail ends with the leave link');
      const u = new URL(link);
      return u.pathname + u.search;
    };
    const resident = (app: App, method: string, path: string, token?: string, body?: unknown) =>
      app.request(path, { method, headers: { 'Content-Type': 'application/json', ...(token ? { 'X-Medverka-Survey': token } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const answerAll = async (app: App, id: number, token: string, page0: Answers, page1: Answers) => {
      assert.equal((await resident(app, 'PUT', `/api/surveys/${id}/pages/0`, token, { answers: page0 })).status, 200);
      assert.equal((await resident(app, 'PUT', `/api/surveys/${id}/pages/1`, token, { answers: page1 })).status, 200);
      assert.equal((await resident(app, 'POST', `/api/surveys/${id}/submit`, token)).status, 200);
    };

    it('takes a panel survey from draft to decision: approved, sent with personal links, answered page by page, reminded, closed, counted, exported, fed back, decided', async () => {
      const { app, db, staff, asAuthor, close } = await setup();
      try {
        const member = (name: string) => `${database.name}-${name}@example.se`;
        // The name given when joining greets the member in every mail that follows (#20 item 7).
        const people = [
          { name: 'anna', ageBand: '30–49', lang: 'sv' as const, given: 'Anna Andersson', hello: 'Hej Anna Andersson!' },
          { name: 'bo', ageBand: '30–49', lang: 'sv' as const, given: ' Bo\r\nKlicka på www.example.com ', hello: 'Hej Bo Klicka på www.example.com!' },
          { name: 'cissi', ageBand: '30–49', lang: 'en' as const, given: 'Cissi', hello: 'Hello Cissi,' },
          { name: 'dan', ageBand: '65+', lang: 'sv' as const, given: null, hello: 'Hej!' },
          { name: 'eva', ageBand: null, lang: 'sv' as const, given: '', hello: 'Hej!' },
        ];
        for (const p of people) {
          const joined = await joinPanel(db, { name: p.given, email: member(p.name), ageBand: p.ageBand, lang: p.lang });
          if (!joined.alreadyMember) await confirmMember(db, joined.token);
        }
        await joinPanel(db, { email: member('pending'), lang: 'sv' });

        // Roles, and validation that stores nothing.
        assert.equal((await staffRequest(app, '/api/staff/surveys', { method: 'POST', body: survey, cookie: await signIn(app, 'chat_agent') })).status, 403);
        assert.equal((await staffRequest(app, '/api/staff/surveys', { cookie: await signIn(app, 'admin') })).status, 200);
        const dupe = structuredClone(survey);
        dupe.pages[1]!.questions[0]!.id = 'favorit';
        const noOptions = structuredClone(survey);
        delete noOptions.pages[0]!.questions[0]!.options;
        for (const bad of [dupe, noOptions, { ...survey, title: { sv: 'Två\nrader', en: null } }, { ...survey, pages: [] }, { ...survey, audience: 'alla' }]) {
          assert.equal((await staff('POST', '/api/staff/surveys', bad)).status, 400);
        }
        assert.equal((await db.selectFrom('surveys').select('id').execute()).length, 0);

        const created = await staff('POST', '/api/staff/surveys', { ...survey, title: { sv: 'Utkast', en: null } });
        assert.equal(created.status, 201);
        const id = ((await created.json()) as { survey: StaffSurvey }).survey.id;
        assert.equal((await staff('PUT', `/api/staff/surveys/${id}`, survey)).status, 200);
        assert.equal((await app.request(`/api/surveys/${id}`)).status, 404, 'a draft is not public');
        assert.equal((await staff('POST', `/api/staff/surveys/${id}/send`)).status, 409, 'not before approval');

        // Its author may not approve it (#20): 403 with a reason, and nothing changes.
        const own = await asAuthor('POST', `/api/staff/surveys/${id}/approve`);
        assert.equal(own.status, 403);
        assert.equal(((await own.json()) as { error: { code: string } }).error.code, 'own_survey');
        assert.equal(((await (await staff('GET', `/api/staff/surveys/${id}`)).json()) as { survey: StaffSurvey }).survey.status, 'draft');
        const approved = (await (await staff('POST', `/api/staff/surveys/${id}/approve`)).json()) as { survey: StaffSurvey };
        assert.equal(approved.survey.status, 'approved');
        assert.equal(approved.survey.approvedBy, 'Anna Admin');
        assert.ok(approved.survey.approvedAt);
        assert.equal((await staff('PUT', `/api/staff/surveys/${id}`, survey)).status, 409);
        assert.equal(((await (await staff('DELETE', `/api/staff/surveys/${id}`)).json()) as { error: { code: string } }).error.code, 'survey_not_draft');
        assert.equal((await staff('POST', `/api/staff/surveys/${id}/approve`)).status, 409);

        const sent = (await (await staff('POST', `/api/staff/surveys/${id}/send`)).json()) as { survey: StaffSurvey; mailed: number };
        assert.equal(sent.mailed, 5, 'every confirmed member, not the pending one');
        assert.equal(sent.survey.status, 'sent');
        assert.deepEqual(sent.survey.counts, { invited: 5, responses: 0, submitted: 0 });
        assert.equal((await staff('POST', `/api/staff/surveys/${id}/send`)).status, 409, 'sent once');
        const tokens: Record<string, string> = {};
        const leaveLinks: Record<string, string> = {};
        for (const p of people) {
          const mail = await mailTo(member(p.name));
          assert.equal(mail.subject, p.lang === 'en' ? 'New survey from the citizen panel: Life in Exempelby' : 'Ny enkät från medborgarpanelen: Livet i Exempelby');
          assert.equal(mail.text.split('\n')[0], p.hello, 'the greeting, on one line');
          tokens[p.name] = tokenIn(mail, id);
          leaveLinks[p.name] = leaveLinkIn(mail);
        }
        assert.equal(new Set(Object.values(tokens)).size, 5, 'a link of one’s own');
        assert.equal(mailsTo(member('pending')).length, 0);

        // The page the link opens holds the widget; the secret stays in the fragment.
        const page = await app.request(`/enkat/${id}`);
        assert.equal(page.status, 200);
        assert.match(await page.text(), new RegExp(`<medverka-survey survey="${id}"></medverka-survey>`));

        // Anna answers page by page, and finds her answers again after a reload.
        assert.equal((await resident(app, 'GET', `/api/surveys/${id}`)).status, 403);
        assert.equal(((await (await resident(app, 'GET', `/api/surveys/${id}`, 'wrong')).json()) as { error: { code: string } }).error.code, 'survey_token_invalid');
        const start = (await (await resident(app, 'GET', `/api/surveys/${id}`, tokens.anna)).json()) as { survey: { status: string; pages: unknown[] }; response: unknown };
        assert.equal(start.survey.status, 'open');
        assert.equal(start.survey.pages.length, 2);
        assert.deepEqual(start.response, { answers: {}, page: 0, submitted: false });

        const invalid = await resident(app, 'PUT', `/api/surveys/${id}/pages/0`, tokens.anna, { answers: { tjanster: [0, 0], okand: 1 } });
        assert.equal(invalid.status, 400);
        const problem = (await invalid.json()) as { error: { code: string; issues: { question: string; code: string }[] } };
        assert.equal(problem.error.code, 'invalid_answers');
        assert.deepEqual(
          problem.error.issues.sort((a, b) => a.question.localeCompare(b.question)),
          [
            { question: 'favorit', code: 'required' },
            { question: 'okand', code: 'unknown_question' },
            { question: 'tjanster', code: 'invalid_value' },
          ],
        );
        assert.equal((await resident(app, 'PUT', `/api/surveys/${id}/pages/1`, tokens.anna, { answers: { nojd: 6, rangordna: [0, 1] } })).status, 400);
        assert.equal((await resident(app, 'PUT', `/api/surveys/${id}/pages/0`, tokens.anna, { answers: { favorit: true } })).status, 400);
        assert.deepEqual(((await (await resident(app, 'GET', `/api/surveys/${id}`, tokens.anna)).json()) as { response: unknown }).response, { answers: {}, page: 0, submitted: false }, 'nothing saved');

        const saved = await resident(app, 'PUT', `/api/surveys/${id}/pages/0`, tokens.anna, { answers: { favorit: 1, tjanster: [0, 2] } });
        assert.equal(saved.status, 200);
        assert.deepEqual(await saved.json(), { page: 1 });
        const reloaded = (await (await resident(app, 'GET', `/api/surveys/${id}`, tokens.anna)).json()) as { response: unknown };
        assert.deepEqual(reloaded.response, { answers: { favorit: 1, tjanster: [0, 2] }, page: 1, submitted: false });
        const early = await resident(app, 'POST', `/api/surveys/${id}/submit`, tokens.anna);
        assert.equal(early.status, 400, 'required questions on page 2 are unanswered');
        assert.deepEqual(((await early.json()) as { error: { issues: unknown[] } }).error.issues, [{ question: 'nojd', code: 'required' }, { question: 'rangordna', code: 'required' }]);
        assert.deepEqual(await (await resident(app, 'PUT', `/api/surveys/${id}/pages/1`, tokens.anna, { answers: { nojd: 4, rangordna: [2, 0, 1], ovrigt: '  =HYPERLINK("x")  ' } })).json(), { page: 2 });
        assert.deepEqual(await (await resident(app, 'POST', `/api/surveys/${id}/submit`, tokens.anna)).json(), { submitted: true });
        const twice = await resident(app, 'POST', `/api/surveys/${id}/submit`, tokens.anna);
        assert.equal(twice.status, 409);
        assert.equal(((await twice.json()) as { error: { code: string } }).error.code, 'already_submitted');
        assert.equal((await resident(app, 'PUT', `/api/surveys/${id}/pages/0`, tokens.anna, { answers: { favorit: 0 } })).status, 409);
        assert.equal(((await (await resident(app, 'GET', `/api/surveys/${id}`, tokens.anna)).json()) as { response: { submitted: boolean } }).response.submitted, true);

        await answerAll(app, id, tokens.bo!, { favorit: 1, tjanster: [1] }, { nojd: 5, rangordna: [0, 1, 2] });
        await answerAll(app, id, tokens.cissi!, { favorit: 0 }, { nojd: 3, rangordna: [0, 2, 1], ovrigt: 'Fler bänkar' });
        await answerAll(app, id, tokens.dan!, { favorit: 2, tjanster: [1, 2] }, { nojd: 1, rangordna: [1, 0, 2] });
        // Eva starts but does not send.
        assert.equal((await resident(app, 'PUT', `/api/surveys/${id}/pages/0`, tokens.eva, { answers: { favorit: 0 } })).status, 200);

        const reminded = (await (await staff('POST', `/api/staff/surveys/${id}/remind`)).json()) as { survey: StaffSurvey; mailed: number };
        assert.equal(reminded.mailed, 1, 'only who has not sent in');
        assert.ok(reminded.survey.remindedAt);
        const reminder = await mailTo(member('eva'));
        assert.equal(reminder.subject, 'Påminnelse: Livet i Exempelby');
        assert.equal(reminder.text.split('\n')[0], 'Hej!');
        const evaNewToken = tokenIn(reminder, id);
        assert.deepEqual(((await (await resident(app, 'GET', `/api/surveys/${id}`, evaNewToken)).json()) as { response: { page: number } }).response.page, 1, 'the new link continues the same response');
        for (const p of ['anna', 'bo', 'cissi', 'dan']) assert.equal(mailsTo(member(p)).length, 0);

        // Eva leaves by the link in the reminder: her name and address go, and no more mail comes.
        assert.equal((await app.request(leaveLinkIn(reminder), { method: 'POST' })).status, 200);
        assert.equal(await db.selectFrom('panel_members').select('id').where('email', '=', member('eva')).executeTakeFirst(), undefined);
        assert.equal((await db.selectFrom('survey_responses').select('member_id').where('survey_id', '=', id).where('member_id', 'is', null).execute()).length, 1, 'her response stays, unlinked');

        const closed = (await (await staff('POST', `/api/staff/surveys/${id}/close`)).json()) as { survey: StaffSurvey };
        assert.equal(closed.survey.status, 'closed');
        assert.ok(closed.survey.closedAt);
        const late = await resident(app, 'PUT', `/api/surveys/${id}/pages/1`, evaNewToken, { answers: { nojd: 2, rangordna: [0, 1, 2] } });
        assert.equal(late.status, 409);
        assert.equal(((await late.json()) as { error: { code: string } }).error.code, 'survey_closed');
        assert.equal(((await (await resident(app, 'GET', `/api/surveys/${id}`, tokens.bo)).json()) as { survey: { status: string } }).survey.status, 'closed');

        const { results } = (await (await staff('GET', `/api/staff/surveys/${id}/results`)).json()) as { results: SurveyResults };
        assert.equal(results.respondents, 4);
        assert.deepEqual(results.questions, [
          { id: 'favorit', type: 'single', counts: [1, 2, 1] },
          { id: 'tjanster', type: 'multiple', counts: [1, 2, 2] },
          // Scale: the mean of 1, 3, 4 and 5, with how many answered (#20).
          { id: 'nojd', type: 'scale', counts: [1, 0, 1, 1, 1], mean: 3.25 },
          // Skola: places 2, 1, 1, 2 → 1.5; Vård: 3, 2, 3, 1 → 2.25; Miljö: 1, 3, 2, 3 → 2.25.
          { id: 'rangordna', type: 'ranking', meanRank: [1.5, 2.25, 2.25] },
          { id: 'ovrigt', type: 'text', answers: ['=HYPERLINK("x")', 'Fler bänkar'] },
        ]);
        assert.equal(results.groups, null);
        const byAge = ((await (await staff('GET', `/api/staff/surveys/${id}/results?by=ageBand`)).json()) as { results: SurveyResults }).results;
        assert.equal(byAge.minGroup, 3);
        // 30–49 has 3, but everyone (4) minus them would be Dan's answers: hidden as well.
        assert.deepEqual(byAge.groups!.map((g) => [g.group, g.hidden]), [
          ['16–29', true],
          ['30–49', true],
          ['50–64', true],
          ['65+', true],
          [null, true],
        ]);
        assert.ok(!('respondents' in byAge.groups!.find((g) => g.group === '65+')!), 'a small group shows no figures');
        assert.equal((await staff('GET', `/api/staff/surveys/${id}/results?by=shoeSize`)).status, 400);

        const csvRes = await staff('GET', `/api/staff/surveys/${id}/responses.csv`);
        assert.equal(csvRes.status, 200);
        assert.match(csvRes.headers.get('content-type') ?? '', /text\/csv/);
        const csv = await csvRes.text();
        const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
        assert.equal(lines.length, 5, 'a header and one row per submitted response');
        assert.ok(lines[1]!.includes(`"'=SUM(A1); Kollektivtrafik"`), 'several choices in one cell, the formula neutralised');
        assert.ok(lines[1]!.includes(`"1. Miljö; 2. Skola; 3. Vård"`), 'a ranking in order');
        assert.ok(lines[1]!.includes(`"'=HYPERLINK(""x"")"`), 'free text neutralised');
        assert.ok(!csv.includes('@') && !csv.includes('30–49'), 'no e-mail, no age band');

        assert.equal((await staff('POST', `/api/staff/surveys/${id}/decision`, { committee: 'Kommunstyrelsen', text: { sv: 'Beslut.', en: null } })).status, 409, 'the decision comes after feedback');
        assert.equal((await staff('POST', `/api/staff/surveys/${id}/feedback`, { text: { sv: '', en: null } })).status, 400);
        const fed = (await (await staff('POST', `/api/staff/surveys/${id}/feedback`, { text: { sv: 'Vi bygger fler bänkar i parken.', en: 'We are building more benches in the park.' } })).json()) as {
          survey: StaffSurvey;
          mailed: number;
        };
        assert.equal(fed.mailed, 4, 'every invited member still in the panel');
        assert.ok(fed.survey.feedbackSentAt);
        assert.equal((await mailTo(member('cissi'))).subject, 'What came of the survey: Life in Exempelby');
        const feedbackToAnna = await mailTo(member('anna'));
        assert.equal(feedbackToAnna.text.split('\n')[0], 'Hej Anna Andersson!');
        assert.match(feedbackToAnna.text, /Vi bygger fler bänkar/);
        leaveLinkIn(feedbackToAnna);
        for (const p of ['bo', 'dan']) await mailTo(member(p));
        assert.equal(mailsTo(member('eva')).length, 0, 'who left gets nothing');
        assert.equal((await staff('POST', `/api/staff/surveys/${id}/feedback`, { text: { sv: 'Igen', en: null } })).status, 409, 'feedback once');

        const decided = (await (await staff('POST', `/api/staff/surveys/${id}/decision`, { committee: 'Kultur- och fritidsnämnden', text: { sv: 'Nämnden beslutade att bygga tio bänkar.', en: null } })).json()) as {
          survey: StaffSurvey;
          mailed: number;
        };
        assert.equal(decided.mailed, 4);
        const decision = await mailTo(member('bo'));
        assert.equal(decision.subject, 'Beslut efter enkäten: Livet i Exempelby');
        assert.equal(decision.text.split('\n')[0], 'Hej Bo Klicka på www.example.com!');
        assert.match(decision.text, /Kultur- och fritidsnämnden/);
        leaveLinkIn(decision);
        for (const p of ['anna', 'cissi', 'dan']) await mailTo(member(p));

        const final = ((await (await staff('GET', `/api/staff/surveys/${id}`)).json()) as { survey: StaffSurvey }).survey;
        for (const step of ['createdAt', 'approvedAt', 'sentAt', 'remindedAt', 'closedAt', 'feedbackSentAt', 'decisionSentAt'] as const) assert.ok(final[step], `${step} is dated`);
        assert.deepEqual(final.decision, { committee: 'Kultur- och fritidsnämnden', text: { sv: 'Nämnden beslutade att bygga tio bänkar.', en: null } });
        assert.deepEqual(final.counts, { invited: 5, responses: 5, submitted: 4 });
      } finally {
        await close();
      }
    });

    it('hides groups that could be worked out by subtraction: six members, five aged 30–49 and one 65+, give nothing of the one away (#20)', async () => {
      const t = await mailbox.app(database, { PANEL_MIN_GROUP: '5', PANEL_DISTRICTS: 'Norr, Söder' });
      const { app, db } = t;
      try {
        await db.deleteFrom('surveys').execute();
        await db.deleteFrom('panel_members').execute();
        await seedStaffOnce(db);
        const cookie = await signIn(app, 'moderator');
        const approver = await signIn(app, 'admin');
        const staff = (method: string, path: string, body?: unknown) => staffRequest(app, path, { method, body, cookie: path.endsWith('/approve') ? approver : cookie });
        const people = [
          ...['a', 'b', 'c', 'd', 'e'].map((n) => ({ name: `sub-${n}`, ageBand: '30–49', district: 'Norr' })),
          { name: 'sub-lone', ageBand: '65+', district: 'Söder' },
        ];
        for (const p of people) {
          const joined = await joinPanel(db, { email: `${database.name}-${p.name}@example.se`, ageBand: p.ageBand, district: p.district, lang: 'sv' });
          if (!joined.alreadyMember) await confirmMember(db, joined.token);
        }

        // The member-count table: everyone minus the groups shown never gives a group of one.
        const counts = (await (await staff('GET', '/api/staff/panel')).json()) as { members: number; byAgeBand: { count: number | null }[]; byDistrict: { count: number | null }[]; minGroup: number };
        assert.equal(counts.members, 6);
        for (const table of [counts.byAgeBand, counts.byDistrict]) {
          const rest = counts.members - table.reduce((sum, g) => sum + (g.count ?? 0), 0);
          assert.ok(rest === 0 || rest >= 5, `members not in a shown group: ${rest}`);
        }
        assert.deepEqual(counts.byAgeBand.map((g) => g.count), [null, null, null, null, null], 'the 30–49 group would give away the one 65+');

        const id = ((await (await staff('POST', '/api/staff/surveys', survey)).json()) as { survey: StaffSurvey }).survey.id;
        await staff('POST', `/api/staff/surveys/${id}/approve`);
        await staff('POST', `/api/staff/surveys/${id}/send`);
        for (const p of people) {
          const mail = await mailTo(`${database.name}-${p.name}@example.se`);
          const lone = p.name === 'sub-lone';
          await answerAll(app, id, tokenIn(mail, id), { favorit: lone ? 2 : 0, tjanster: lone ? [2] : [1] }, { nojd: lone ? 1 : 5, rangordna: lone ? [2, 1, 0] : [0, 1, 2], ovrigt: lone ? 'Mitt hemliga svar' : 'Bra' });
        }
        const all = ((await (await staff('GET', `/api/staff/surveys/${id}/results`)).json()) as { results: SurveyResults }).results;
        assert.equal(all.respondents, 6);
        for (const by of ['ageBand', 'district']) {
          const { results } = (await (await staff('GET', `/api/staff/surveys/${id}/results?by=${by}`)).json()) as { results: SurveyResults };
          const shown = results.groups!.filter((g) => !g.hidden);
          // What the shown groups leave of the whole: nobody, or at least minGroup people together.
          const rest = all.respondents - shown.reduce((sum, g) => sum + (g.hidden ? 0 : g.respondents), 0);
          assert.ok(rest === 0 || rest >= results.minGroup, `${by}: ${rest} respondents could be worked out`);
          // The same for every figure: no option's count for the rest comes from fewer than minGroup people.
          for (const q of all.questions) {
            if (!q.counts) continue;
            const shownCounts = shown.map((g) => (g.hidden ? [] : g.questions.find((x) => x.id === q.id)!.counts!));
            const restCounts = q.counts.map((n, i) => n - shownCounts.reduce((sum, c) => sum + c[i]!, 0));
            assert.ok(rest === 0 ? restCounts.every((n) => n === 0) : rest >= results.minGroup, `${by}/${q.id}`);
          }
          assert.ok(!JSON.stringify(shown).includes('Mitt hemliga svar'), `${by}: the lone member's free text is in no group`);
          assert.ok(results.groups!.every((g) => g.hidden || g.respondents >= results.minGroup));
        }
      } finally {
        await t.close();
      }
    });

    it('lets anyone answer an open survey without membership, by the token POST responses gives for a proof of work', async () => {
      const { app, db, staff, close } = await setup();
      try {
        const id = ((await (await staff('POST', '/api/staff/surveys', { ...survey, audience: 'open' })).json()) as { survey: StaffSurvey }).survey.id;
        assert.equal((await resident(app, 'POST', `/api/surveys/${id}/responses`)).status, 404, 'not before it opens');
        await staff('POST', `/api/staff/surveys/${id}/approve`);
        const opened = (await (await staff('POST', `/api/staff/surveys/${id}/send`)).json()) as { survey: StaffSurvey; mailed: number };
        assert.equal(opened.survey.status, 'open');
        assert.equal(opened.mailed, 0);
        assert.equal((await staff('POST', `/api/staff/surveys/${id}/remind`)).status, 409, 'nobody to remind');

        const first = (await (await resident(app, 'GET', `/api/surveys/${id}`)).json()) as { response: unknown };
        assert.equal(first.response, null);
        assert.equal((await resident(app, 'PUT', `/api/surveys/${id}/pages/0`, undefined, { answers: { favorit: 0 } })).status, 403, 'a token is needed to save');

        // Starting an open survey costs a proof of work, as joining, signing and voting do (#20 item 14).
        const responses = async () => (await db.selectFrom('survey_responses').select('id').where('survey_id', '=', id).execute()).length;
        const start = (headers: Record<string, string>) => app.request(`/api/surveys/${id}/responses`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
        for (const [why, headers] of [
          ['none', {}],
          ['not a solution', { [powHeader]: 'bm90IGEgc29sdXRpb24=' }],
        ] as const) {
          const refused = await start(headers);
          assert.equal(refused.status, 400, why);
          assert.match(((await refused.json()) as { error: { code: string } }).error.code, /^pow_/, why);
        }
        assert.equal(await responses(), 0, 'a refused start stores nothing');
        const solution = await pow(app);
        const started = await start({ [powHeader]: solution });
        assert.equal(started.status, 201);
        assert.equal((await start({ [powHeader]: solution })).status, 400, 'a solution is spent once');
        assert.equal(await responses(), 1);
        const { token } = (await started.json()) as { token: string };
        await answerAll(app, id, token, { favorit: 2 }, { nojd: 5, rangordna: [1, 2, 0] });
        assert.equal((await resident(app, 'POST', `/api/surveys/${id}/submit`, token)).status, 409);

        const { results } = (await (await staff('GET', `/api/staff/surveys/${id}/results?by=district`)).json()) as { results: SurveyResults };
        assert.equal(results.respondents, 1);
        assert.deepEqual(results.groups, [{ group: null, hidden: true }]);

        // A panel survey cannot be started that way.
        const panelId = ((await (await staff('POST', '/api/staff/surveys', survey)).json()) as { survey: StaffSurvey }).survey.id;
        await staff('POST', `/api/staff/surveys/${panelId}/approve`);
        await staff('POST', `/api/staff/surveys/${panelId}/send`);
        assert.equal((await resident(app, 'POST', `/api/surveys/${panelId}/responses`)).status, 403);

        await staff('POST', `/api/staff/surveys/${id}/close`);
        assert.equal((await start({ [powHeader]: await pow(app) })).status, 409);
        assert.equal(await responses(), 1);
        // Drafts can be deleted; others cannot.
        const draft = ((await (await staff('POST', '/api/staff/surveys', survey)).json()) as { survey: StaffSurvey }).survey.id;
        assert.equal((await staff('DELETE', `/api/staff/surveys/${draft}`)).status, 204);
        assert.equal((await staff('GET', `/api/staff/surveys/${draft}`)).status, 404);
        assert.equal((await staff('DELETE', `/api/staff/surveys/${id}`)).status, 409);
      } finally {
        await close();
      }
    });

    it('keeps to a deadline, shows scale end labels, and records a reminder only when someone was mailed (#20)', async () => {
      const { app, db, staff, close } = await setup();
      try {
        const scaled = structuredClone(survey);
        scaled.audience = 'open';
        scaled.pages[1]!.questions[0]!.scaleLabels = { low: { sv: 'Inte alls', en: 'Not at all' }, high: { sv: 'Helt och hållet', en: 'Completely' } };
        // End labels belong to scale questions only; a deadline is a date and time.
        const wrong = structuredClone(scaled);
        wrong.pages[0]!.questions[0]!.scaleLabels = scaled.pages[1]!.questions[0]!.scaleLabels;
        assert.equal((await staff('POST', '/api/staff/surveys', wrong)).status, 400);
        assert.equal((await staff('POST', '/api/staff/surveys', { ...scaled, closesAt: '31 mars' })).status, 400);
        assert.equal((await db.selectFrom('surveys').select('id').execute()).length, 0);

        const closesAt = new Date(Date.now() + 86_400_000).toISOString();
        const created = (await (await staff('POST', '/api/staff/surveys', { ...scaled, closesAt })).json()) as { survey: StaffSurvey };
        assert.equal(created.survey.closesAt, closesAt);
        const id = created.survey.id;
        await staff('POST', `/api/staff/surveys/${id}/approve`);
        await staff('POST', `/api/staff/surveys/${id}/send`);
        const shown = (await (await resident(app, 'GET', `/api/surveys/${id}`)).json()) as { survey: { status: string; closesAt: string; pages: { questions: { scaleLabels?: unknown }[] }[] } };
        assert.equal(shown.survey.status, 'open');
        assert.equal(shown.survey.closesAt, closesAt, 'residents see the deadline');
        assert.deepEqual(shown.survey.pages[1]!.questions[0]!.scaleLabels, scaled.pages[1]!.questions[0]!.scaleLabels);

        const started = await powPost(app, `/api/surveys/${id}/responses`, {});
        const { token } = (await started.json()) as { token: string };
        assert.equal((await resident(app, 'PUT', `/api/surveys/${id}/pages/0`, token, { answers: { favorit: 0 } })).status, 200);

        // The deadline passes.
        await db.updateTable('surveys').set({ closes_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', id).execute();
        const after = (await (await resident(app, 'GET', `/api/surveys/${id}`, token)).json()) as { survey: { status: string } };
        assert.equal(after.survey.status, 'closed');
        for (const [method, path, body] of [
          ['PUT', `/api/surveys/${id}/pages/1`, { answers: { nojd: 3, rangordna: [0, 1, 2] } }],
          ['POST', `/api/surveys/${id}/submit`, undefined],
        ] as const) {
          const late = await resident(app, method, path, token, body);
          assert.equal(late.status, 409, path);
          const error = ((await late.json()) as { error: { code: string; message: string } }).error;
          assert.equal(error.code, 'survey_closed');
          assert.match(error.message, /deadline/);
        }
        const late = await powPost(app, `/api/surveys/${id}/responses`, {});
        assert.equal(late.status, 409);
        const rows = await db.selectFrom('survey_responses').select(['page', 'submitted_at']).where('survey_id', '=', id).execute();
        assert.deepEqual(rows, [{ page: 1, submitted_at: null }], 'nothing more stored after the deadline');

        // A panel survey everyone has answered: nobody to remind, and no reminder recorded.
        const who = `${database.name}-remind@example.se`;
        const joined = await joinPanel(db, { email: who, lang: 'sv' });
        if (!joined.alreadyMember) await confirmMember(db, joined.token);
        const panelId = ((await (await staff('POST', '/api/staff/surveys', survey)).json()) as { survey: StaffSurvey }).survey.id;
        await staff('POST', `/api/staff/surveys/${panelId}/approve`);
        await staff('POST', `/api/staff/surveys/${panelId}/send`);
        await answerAll(app, panelId, tokenIn(await mailTo(who), panelId), { favorit: 0 }, { nojd: 2, rangordna: [0, 1, 2] });
        const nobody = (await (await staff('POST', `/api/staff/surveys/${panelId}/remind`)).json()) as { survey: StaffSurvey; mailed: number };
        assert.equal(nobody.mailed, 0);
        assert.equal(nobody.survey.remindedAt, null, 'no reminder recorded when nobody was mailed');
        assert.equal(mailsTo(who).length, 0);
      } finally {
        await close();
      }
    });
  });
}
