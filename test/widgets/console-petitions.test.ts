/// <reference types="mocha" />
import { expect, waitUntil } from '@open-wc/testing';
import { staffApi, type StaffPetition } from '../../widgets/console/kit/api.js';
import type { MedverkaConsole } from '../../widgets/console/shell/console.element.js';
import { $, $$, announced, fakeApi, focused, go, leaveConsole, listLoaded, navLabels, offeredTo, refusedTo, reply, screen, signedIn, signOut, solvedPow, text, type Who } from './console-helpers.js';
import { seededPetitions as seeded } from './seeded.js';

type Win = Window & { __xss?: number };

/** The list's rows once loaded, as their title links' text. */
async function listed(list: HTMLElement): Promise<string[]> {
  await listLoaded(list, 'the list has loaded', { orNotice: true });
  return $$(list, 'tbody tr td:first-child a').map((a) => text(a));
}

async function filter(list: HTMLElement, status: string) {
  $<HTMLSelectElement>(list, '#status-filter')!.value = status;
  $<HTMLButtonElement>(list, 'form.filter button[type=submit]')!.click();
  await waitUntil(() => !text(list.shadowRoot).includes('Laddar'), 'the list has reloaded', { timeout: 5000 });
}

/** The petition's page once it has loaded. */
async function detail(el: MedverkaConsole, id: number): Promise<HTMLElement> {
  const page = await go(el, `#/petitions/${id}`, 'medverka-console-petition');
  await waitUntil(() => $(page, '#status-heading'), 'the petition has loaded', { timeout: 5000 });
  return page;
}

async function idOf(title: string, status: StaffPetition['status']): Promise<number> {
  const found = (await staffApi.petitions(status)).petitions.find((p) => p.title === title);
  if (!found) throw new Error(`no ${status} petition “${title}”`);
  return found.id;
}

/** Proposes a petition through the public API, as the petition widget does: it stays a draft, since the confirmation mail cannot be read here. */
async function propose(title: string, body: string): Promise<void> {
  const res = await fetch('/api/petitions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Medverka-Pow': await solvedPow() },
    body: JSON.stringify({ title, body, name: 'Petra Provare', email: 'petra@example.se', publicDocumentAccepted: true }),
  });
  expect(res.status, await res.clone().text()).to.equal(202);
}

/**
 * A stand-in for the staff petition API, for states the browser cannot reach on the real
 * server (a petition awaiting moderation needs the proposer's e-mailed link): everything
 * else goes through.
 */
function fakePetitionApi(petition: StaffPetition) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const base = `/api/staff/petitions/${petition.id}`;
  const restore = fakeApi(new RegExp(`^${base}`), (url, init) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(init.body as string) as Record<string, string>) : undefined;
    calls.push({ method, path: url.pathname, body });
    const action = url.pathname.slice(base.length);
    const now = new Date().toISOString();
    const moves: Record<string, [from: string[], to: StaffPetition['status']]> = {
      '/approve': [['awaiting_moderation'], 'open'],
      '/reject': [['awaiting_moderation'], 'rejected'],
      '/close': [['open'], 'closed'],
      '/answer': [['open', 'closed'], 'answered'],
    };
    if (method === 'GET' && action === '') return reply(200, { petition, similar: [] });
    if (method === 'POST' && action === '/answer/preview') {
      if (!['open', 'closed'].includes(petition.status)) return reply(409, { error: { status: 409, code: 'wrong_status', message: 'wrong status' } });
      return reply(200, {
        recipients: 3,
        mails: [
          { lang: 'sv', recipients: 2, subject: `Svar på e-förslaget ”${petition.title}”`, text: `Hej!\n\nSvaret är beslutat av: ${body!.committee}.\n\n${body!.answer}\n` },
          { lang: 'en', recipients: 1, subject: `Answer to the e-petition “${petition.title}”`, text: `Hello,\n\nThe answer was decided by: ${body!.committee}.\n\n${body!.answer}\n` },
        ],
      });
    }
    if (method === 'PATCH' && action === '/answer') {
      if (petition.status !== 'answered') return reply(409, { error: { status: 409, code: 'wrong_status', message: 'wrong status' } });
      Object.assign(petition, { answer: body!.answer ?? petition.answer, answerCommittee: body!.committee ?? petition.answerCommittee, answerCorrectedAt: now });
      return reply(200, { petition });
    }
    const move = moves[action];
    if (method === 'POST' && move) {
      if (!move[0].includes(petition.status)) {
        return reply(409, { error: { status: 409, code: 'wrong_status', message: 'wrong status' } });
      }
      petition.status = move[1];
      if (action === '/approve') Object.assign(petition, { openedAt: now, closesAt: now });
      if (action === '/reject') petition.rejectionReason = body!.reason!;
      if (action === '/answer') Object.assign(petition, { answer: body!.answer, answerCommittee: body!.committee, answeredAt: now });
      return reply(200, { petition, mailed: 3 });
    }
    return reply(500, { error: { status: 500, code: 'unexpected', message: `${method} ${url.pathname}` } });
  });
  return { calls, restore };
}

const fake = (status: StaffPetition['status'], thresholdReachedAt: string | null = null): StaffPetition => ({
  id: 987654,
  title: 'Ett påhittat förslag <img src=x onerror="window.__xss=1">',
  body: 'Texten i förslaget.\n<script>window.__xss=1</script>',
  status,
  proposerName: 'Pelle Påhitt',
  proposerEmail: 'pelle@example.se',
  rejectionReason: null,
  threshold: 100,
  signatureCount: status === 'awaiting_moderation' ? 0 : 150,
  createdAt: '2026-01-02T10:00:00.000Z',
  submittedAt: '2026-01-02T10:05:00.000Z',
  openedAt: status === 'awaiting_moderation' ? null : '2026-01-03T10:00:00.000Z',
  closesAt: status === 'awaiting_moderation' ? null : '2026-07-03T10:00:00.000Z',
  thresholdReachedAt,
  answer: null,
  answeredAt: null,
  answerCommittee: null,
  answerCorrectedAt: null,
});

/** A made-up petition behind the API stand-in, its page opened by `who` (at `hash` first); the petition changes as the stand-in answers. */
async function fakePetitionPage(who: Who, hash: string, status: StaffPetition['status'], thresholdReachedAt: string | null = null) {
  const petition = fake(status, thresholdReachedAt);
  const { calls } = fakePetitionApi(petition);
  const el = await signedIn(who, hash);
  const page = await detail(el, petition.id);
  return { petition, calls, el, page };
}

describe('<medverka-console> e-petitions', function () {
  this.timeout(30000);

  afterEach(async () => {
    await leaveConsole();
    delete (window as Win).__xss;
  });

  it('comes first for moderators, is there for administrators, and not for chat agents', async () => {
    const moderator = await signedIn('moderator');
    expect(navLabels(moderator)[0]).to.equal('E-förslag');
    expect(location.hash).to.equal('#/petitions');
    const list = screen(moderator);
    expect(list.localName).to.equal('medverka-console-petitions');
    expect(text($(list, 'h1'))).to.equal('E-förslag');
    expect($<HTMLSelectElement>(list, '#status-filter')!.value, 'awaiting moderation by default').to.equal('awaiting_moderation');
    await listed(list);
    await expect(moderator).to.be.accessible();
    await signOut(moderator);
    await signOut(await offeredTo('admin', 'E-förslag'));
    await refusedTo('agent', '/petitions', 'E-förslag');
  });

  it('filters by status, with counts and the “to be answered” badge', async () => {
    const el = await signedIn('moderator', '/petitions');
    const list = screen(el);
    await listed(list);

    await filter(list, 'open');
    await announced(el, /Öppna: \d+ e-förslag\./);
    expect(await listed(list)).to.include(seeded.open);
    const row = $$(list, 'tbody tr').find((r) => text(r).includes(seeded.open))!;
    // Every row has the status the filter chose (the caption says it): no column repeats it.
    expect(text($(list, 'caption'))).to.equal('Öppna');
    expect($$(list, 'thead th').map((th) => text(th))).to.deep.equal(['Titel', 'Underskrifter', 'Datum']);
    expect(text(list.shadowRoot).match(/Status/g)?.length, '“Status” once on the screen').to.equal(1);
    expect($$(list, 'tbody td').filter((td) => text(td) === ''), 'no empty cells').to.deep.equal([]);
    expect(text(row)).to.contain('12 av 100');
    expect(text(row)).to.contain('Skapat');
    expect(text(row), 'twelve of a hundred has not reached the threshold').not.to.contain('Har nått gränsen');
    expect(row.querySelector('a')!.getAttribute('href')).to.match(/^#\/petitions\/\d+$/);
    await expect(el).to.be.accessible();

    await filter(list, 'answered');
    const answered = await listed(list);
    expect(answered).to.include(seeded.answered);
    expect(answered).not.to.include(seeded.open);
    await expect(el).to.be.accessible();

    await filter(list, 'closed');
    expect(await listed(list)).to.include(seeded.closed);

    await filter(list, 'rejected');
    await listed(list);
    await expect(el).to.be.accessible();

    // The choice is kept when coming back to the list.
    await go(el, `#/petitions/${await idOf(seeded.closed, 'closed')}`, 'medverka-console-petition');
    const again = await go(el, '#/petitions', 'medverka-console-petitions');
    expect($<HTMLSelectElement>(again, '#status-filter')!.value).to.equal('rejected');
    await filter(again, 'awaiting_moderation');
  });

  it('shows an open petition: text, proposer, signatures link, and corrects the text', async () => {
    const el = await signedIn('moderator', '/petitions');
    const id = await idOf(seeded.open, 'open');
    const page = await detail(el, id);
    const original = (await staffApi.petition(id)).petition;
    try {
      expect(text($(page, 'h1'))).to.equal(seeded.open);
      expect(text($(page, '#status-heading'))).to.equal('Status: Öppet');
      expect(text($(page, '.facts'))).to.contain('12 av 100');
      expect(text($(page, '.facts'))).to.contain('Anna Andersson');
      expect(text($(page, '.facts'))).to.contain('anna@example.se');
      // Only what the petition has: no label without a value, and its status said once (in the heading).
      const facts = $$(page, '.facts dt').map((dt) => [text(dt), text(dt.nextElementSibling)]);
      expect(facts.filter(([, value]) => value === ''), 'no empty rows').to.deep.equal([]);
      expect(facts.map(([label]) => label)).not.to.include('Status');
      expect(text(page.shadowRoot).match(/Status/g)?.length, '“Status” once on the page').to.equal(1);
      expect($(page, '.text')!.textContent).to.equal(original.body);
      const csv = $<HTMLAnchorElement>(page, 'a[download]')!;
      expect(csv.getAttribute('href')).to.equal(`/api/staff/petitions/${id}/signatures.csv`);
      const lines = (await (await fetch(csv.href)).text()).trim().split(/\r\n/);
      expect(lines.length, 'a header and twelve signatures').to.equal(13);
      expect($(page, '#approve'), 'an open petition is not published again').to.equal(null);
      expect($(page, '#close')).not.to.equal(null);
      expect($(page, '#answer-text')).not.to.equal(null);
      expect($(page, '.no-similar, ul.similar')).not.to.equal(null);
      await expect(el).to.be.accessible();

      // A title too short: the summary takes focus and the message stands beside the field.
      const title = $<HTMLInputElement>(page, '#correct-title')!;
      title.value = 'Fel';
      $<HTMLButtonElement>(page, 'form:has(#correct-title) button[type=submit]')!.click();
      await waitUntil(() => focused() === $(page, '#correct-errors'), 'the summary takes focus');
      expect(text($(page, '#correct-title-error'))).to.contain('Skriv minst 5 tecken.');
      expect(title.getAttribute('aria-invalid')).to.equal('true');
      expect(title.getAttribute('aria-describedby')).to.equal('correct-title-error');
      await expect(el).to.be.accessible();

      title.value = original.title;
      const body = $<HTMLTextAreaElement>(page, '#correct-body')!;
      body.value = original.body.replace('för få', 'alldeles för få');
      $<HTMLButtonElement>(page, 'form:has(#correct-title) button[type=submit]')!.click();
      await announced(el, 'Rättelsen är sparad.');
      expect($(page, '.text')!.textContent).to.contain('alldeles för få');
      expect($(page, '#correct-errors')).to.equal(null);
      expect((await staffApi.petition(id)).petition.body).to.contain('alldeles för få');
      await expect(el).to.be.accessible();
    } finally {
      // Other test files read this petition as seeded.
      await staffApi.correctPetition(id, { title: original.title, body: original.body });
    }
  });

  it('asks for an answer before publishing one, without sending anything', async () => {
    const el = await signedIn('admin');
    const id = await idOf(seeded.open, 'open');
    const page = await detail(el, id);
    const submit = () => $<HTMLButtonElement>(page, '#answer-submit')!.click();
    submit();
    await waitUntil(() => focused() === $(page, '#answer-errors'), 'the summary takes focus');
    expect(text($(page, '#answer-text-error'))).to.contain('Fyll i det här fältet.');
    await expect(el).to.be.accessible();
    $<HTMLTextAreaElement>(page, '#answer-text')!.value = 'Kort';
    submit();
    await waitUntil(() => text($(page, '#answer-text-error')).includes('Skriv minst 10 tecken.'), 'too short');
    expect((await staffApi.petition(id)).petition.status).to.equal('open');
    // Valid: the server's preview of the mails, and nothing published until confirmed.
    const answer = 'Nämnden har beslutat att ställa ut fler bänkar längs ån.';
    $<HTMLTextAreaElement>(page, '#answer-text')!.value = answer;
    $<HTMLInputElement>(page, '#answer-committee')!.value = 'Tekniska nämnden';
    submit();
    await waitUntil(() => focused() === $(page, '#answer-confirm-question'), 'asked first');
    const preview = $$(page, '.mail-preview').map((m) => text(m));
    expect(preview.length).to.be.greaterThan(0);
    expect(preview[0]).to.contain(`Svar på e-förslaget ”${seeded.open}”`);
    expect(preview[0]).to.contain(answer);
    expect(preview[0]).to.contain('Tekniska nämnden');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(page, '.confirm [data-action=cancel]')!.click();
    await waitUntil(() => $(page, '.confirm') === null, 'cancelled');
    expect((await staffApi.petition(id)).petition.status, 'nothing published').to.equal('open');
  });

  it('shows a draft as waiting for its proposer, with nothing to publish, and similar petitions as text', async () => {
    const title = `Fler parkbänkar vid torget ${Date.now().toString(36)}`;
    await propose(title, 'Det finns för få bänkar längs ån och på torget. Äldre behöver kunna vila på promenaden.');
    const el = await signedIn('moderator', '/petitions');
    const list = screen(el);
    await listed(list);
    await filter(list, 'draft');
    expect(await listed(list)).to.include(title);

    const page = await detail(el, await idOf(title, 'draft'));
    expect(text($(page, 'h1'))).to.equal(title);
    expect(text($(page, '#status-heading'))).to.equal('Status: Utkast (väntar på förslagsställarens bekräftelse)');
    expect(text($(page, '.facts'))).to.contain('Petra Provare');
    expect(text($(page, '.facts'))).to.contain('petra@example.se');
    expect($(page, '#approve')).to.equal(null);
    expect($(page, '#reject')).to.equal(null);
    expect($(page, '#close')).to.equal(null);
    expect($(page, '#answer-text')).to.equal(null);
    expect($(page, '#correct-title'), 'drafts cannot be corrected').to.equal(null);
    expect($(page, 'a[download]'), 'a draft has no signatures').to.equal(null);
    expect(text(page.shadowRoot)).to.contain('inte bekräftat förslaget');
    const similar = $$(page, 'ul.similar li').map((li) => text(li));
    expect(similar.some((s) => s.startsWith(seeded.open) && s.includes('Öppet'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('publishes a petition awaiting moderation (API stand-in), and renders its texts as text', async () => {
    const { petition, calls, el, page } = await fakePetitionPage('moderator', '/petitions', 'awaiting_moderation');
    expect(text($(page, 'h1'))).to.equal(petition.title);
    expect($(page, 'img, script'), 'the texts are text').to.equal(null);
    expect(text($(page, '#status-heading'))).to.equal('Status: Att granska');
    expect($(page, '#correct-title')).not.to.equal(null);
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(page, '#approve')!.click();
    await announced(el, 'Förslaget är publicerat och förslagsställaren har fått e-post.');
    await waitUntil(() => text($(page, '#status-heading')) === 'Status: Öppet', 'the status is updated');
    expect(text($(page, '#done')), 'a success message to see').to.equal('Förslaget är publicerat och förslagsställaren har fått e-post.');
    await waitUntil(() => focused() === $(page, '#status-heading'), 'focus goes to the new status');
    expect($(page, '#approve')).to.equal(null);
    expect($(page, '#close')).not.to.equal(null);
    expect(calls.map((c) => `${c.method} ${c.path}`)).to.include(`POST /api/staff/petitions/${petition.id}/approve`);
    expect((window as Win).__xss).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('rejects only with a reason, in a step of its own (API stand-in)', async () => {
    const { calls, el, page } = await fakePetitionPage('moderator', '/petitions', 'awaiting_moderation');

    $<HTMLButtonElement>(page, '#reject')!.click();
    await waitUntil(() => focused() === $(page, '#reject-reason'), 'the reason field takes focus');
    await expect(el).to.be.accessible();
    // Cancel returns focus to the button.
    $$<HTMLButtonElement>(page, 'form.confirm button').find((b) => text(b) === 'Avbryt')!.click();
    await waitUntil(() => focused() === $(page, '#reject'), 'focus is back on Avvisa');
    expect($(page, 'form.confirm')).to.equal(null);

    $<HTMLButtonElement>(page, '#reject')!.click();
    await waitUntil(() => $(page, '#reject-reason'));
    $<HTMLButtonElement>(page, 'form.confirm button[type=submit]')!.click();
    await waitUntil(() => focused() === $(page, '#reject-errors'), 'the summary takes focus');
    expect(text($(page, '#reject-reason-error'))).to.contain('Fyll i det här fältet.');
    expect(calls.filter((c) => c.method === 'POST'), 'nothing sent without a reason').to.deep.equal([]);
    await expect(el).to.be.accessible();

    const reason = 'Förslaget handlar inte om något kommunen bestämmer över.';
    $<HTMLTextAreaElement>(page, '#reject-reason')!.value = reason;
    $<HTMLButtonElement>(page, 'form.confirm button[type=submit]')!.click();
    await announced(el, 'Förslaget är avvisat och förslagsställaren har fått e-post med skälet.');
    await waitUntil(() => text($(page, '#status-heading')) === 'Status: Avvisat', 'the status is updated');
    expect(calls.at(-1)).to.deep.include({ method: 'POST', body: { reason } });
    expect(text(page.shadowRoot)).to.contain(reason);
    expect($(page, '#approve, #reject, #correct-title')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('closes and answers a petition that reached its threshold (API stand-in)', async () => {
    const { petition, calls, el, page } = await fakePetitionPage('admin', '', 'open', '2026-02-01T10:00:00.000Z');
    expect(text(page.shadowRoot)).to.contain('Har nått gränsen – ska besvaras');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(page, '#close')!.click();
    await announced(el, 'Förslaget är stängt för underskrifter.');
    await waitUntil(() => text($(page, '#status-heading')) === 'Status: Stängt', 'closed');
    expect($(page, '#correct-title'), 'a closed petition is not corrected').to.equal(null);
    expect($(page, 'a[download]')).not.to.equal(null);

    const answer = 'Kommunen sätter ut tio nya bänkar under våren.';
    const answerPosts = () => calls.filter((c) => c.method === 'POST' && c.path.endsWith('/answer'));
    const submit = () => $<HTMLButtonElement>(page, '#answer-submit')!.click();
    $<HTMLTextAreaElement>(page, '#answer-text')!.value = answer;
    submit();
    await waitUntil(() => focused() === $(page, '#answer-errors'), 'the committee is asked for');
    expect(text($(page, '#answer-committee-error'))).to.contain('Fyll i det här fältet.');
    $<HTMLInputElement>(page, '#answer-committee')!.value = 'Tekniska nämnden';
    submit();
    // Asked first, with what will be mailed; nothing is published yet.
    await waitUntil(() => focused() === $(page, '#answer-confirm-question'), 'the question takes focus');
    const confirm = $(page, '.confirm[role=group]')!;
    expect(confirm.getAttribute('aria-labelledby')).to.equal('answer-confirm-question');
    expect(text($(page, '#answer-confirm-question'))).to.contain('3 personer');
    const previews = $$(page, '.mail-preview');
    expect(previews.length, 'one mail per language').to.equal(2);
    expect(text(previews[0])).to.contain(`Svar på e-förslaget ”${petition.title}”`);
    expect(text(previews[0])).to.contain(answer);
    expect(text(previews[0])).to.contain('Tekniska nämnden');
    expect(text(previews[0])).to.contain('På svenska, till 2 personer');
    expect(text(previews[1])).to.contain('På engelska, till 1 person');
    expect(text(previews[1])).not.to.contain('personer');
    expect($(page, 'img, script'), 'the preview is text').to.equal(null);
    expect(answerPosts(), 'nothing published before the answer is confirmed').to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Cancel: nothing is sent, and focus returns to the button.
    $<HTMLButtonElement>(page, '.confirm [data-action=cancel]')!.click();
    await waitUntil(() => focused() === $(page, '#answer-submit'), 'focus is back on Publicera svar');
    expect($(page, '.confirm')).to.equal(null);
    expect(answerPosts()).to.deep.equal([]);

    submit();
    await waitUntil(() => $(page, '.confirm [data-action=confirm]'), 'asked again');
    $<HTMLButtonElement>(page, '.confirm [data-action=confirm]')!.click();
    await announced(el, 'Svaret är publicerat och skickat till 3 personer.');
    await waitUntil(() => text($(page, '#status-heading')) === 'Status: Besvarat', 'answered');
    expect(text($(page, '#done')), 'a success message to see').to.equal('Svaret är publicerat och skickat till 3 personer.');
    expect(answerPosts().map((c) => c.body)).to.deep.equal([{ answer, committee: 'Tekniska nämnden' }]);
    expect(text($(page, '.answer'))).to.equal(answer);
    expect(text($(page, '.facts'))).to.contain('Tekniska nämnden');
    expect(text(page.shadowRoot)).not.to.contain('Har nått gränsen');
    expect($(page, '#answer-text')).to.equal(null);
    await expect(el).to.be.accessible();

    // A correction afterwards: saved, shown as corrected with its date, and mailed to nobody.
    const corrected = 'Kommunen sätter ut tolv nya bänkar under våren.';
    expect($<HTMLTextAreaElement>(page, '#correct-answer-text')!.value).to.equal(answer);
    expect($<HTMLInputElement>(page, '#correct-answer-committee')!.value).to.equal('Tekniska nämnden');
    expect(text(page.shadowRoot)).to.contain('Ingen får e-post om rättelsen');
    $<HTMLTextAreaElement>(page, '#correct-answer-text')!.value = corrected;
    $<HTMLButtonElement>(page, '#correct-answer-submit')!.click();
    await announced(el, 'Rättelsen av svaret är sparad. Ingen har fått e-post om den.');
    expect(text($(page, '#done'))).to.equal('Rättelsen av svaret är sparad. Ingen har fått e-post om den.');
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).to.deep.equal([{ answer: corrected }]);
    expect(answerPosts().length, 'not published (nor mailed) again').to.equal(1);
    expect(text($(page, '.answer'))).to.equal(corrected);
    expect(text($(page, '.corrected'))).to.match(/^Rättat \d/);
    expect($(page, '.corrected time')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says so when someone else changed the status meanwhile (API stand-in)', async () => {
    const { petition, el, page } = await fakePetitionPage('moderator', '/petitions', 'open');
    petition.status = 'closed';
    $<HTMLButtonElement>(page, '#close')!.click();
    await waitUntil(() => focused() === $(page, '#actions-errors'), 'the summary takes focus');
    expect(text($(page, '#actions-errors'))).to.contain('Förslaget har fått en annan status under tiden.');
    expect(text($(page, '#status-heading'))).to.equal('Status: Stängt');
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await signedIn('moderator', '/petitions');
    document.documentElement.lang = 'en';
    await waitUntil(() => navLabels(el)[0] === 'E-petitions', 'the navigation is in English', { timeout: 5000 });
    const list = screen(el);
    await waitUntil(() => text($(list, 'h1')) === 'E-petitions', 'the screen is in English');
    expect(text($(list, 'label[for=status-filter]'))).to.equal('Status');
    expect($$(list, '#status-filter option').map((o) => text(o))).to.deep.equal(['To review', 'Open', 'Closed', 'Answered', 'Rejected', 'Drafts (not confirmed)']);
  });
});
