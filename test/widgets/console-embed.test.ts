/// <reference types="mocha" />
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { staffApi } from '../../widgets/console/kit/api.js';
import type { MedverkaConsole } from '../../widgets/console/shell/console.element.js';
import { $, leaveConsole, signedIn, text } from './console-helpers.js';

// The console's embed builder (Bädda in), against the real server (see web-test-runner.config.js).
async function builder(): Promise<{ el: MedverkaConsole; embed: HTMLElement }> {
  const el = await signedIn('moderator', '/embed');
  await waitUntil(() => $(el, 'main > medverka-console-embed'), 'the builder is shown', { timeout: 8000 });
  const embed = $(el, 'main > medverka-console-embed')!;
  await waitUntil(() => $(embed, '#widget') && $(embed, '#snippet-script'), 'the builder is loaded', { timeout: 5000 });
  return { el, embed };
}

function chooseWidget(embed: HTMLElement, label: string) {
  const widget = $<HTMLSelectElement>(embed, '#widget')!;
  const option = [...widget.options].find((o) => text(o) === label);
  if (!option) throw new Error(`no widget called ${label}: ${[...widget.options].map((o) => text(o)).join(', ')}`);
  widget.value = option.value;
  widget.dispatchEvent(new Event('input'));
}

function choose(embed: HTMLElement, value: string) {
  const select = $<HTMLSelectElement>(embed, '#value')!;
  select.value = value;
  select.dispatchEvent(new Event('input'));
}

describe('<medverka-console-embed>: the embed builder', function () {
  this.timeout(30000);

  afterEach(leaveConsole);

  it('offers the SRI hash unticked, says what it costs, and adds it when ticked', async () => {
    const { el, embed } = await builder();
    const info = await staffApi.embedInfo();
    if (!info.loaderIntegrity) throw new Error('the widgets are not built: run npm run build');
    const box = $<HTMLInputElement>(embed, '#with-integrity')!;
    expect(box.checked, 'not ticked by default').to.equal(false);
    expect(text($(embed, '#snippet-script'))).not.to.contain('integrity=');
    // The trade-off, read with the box.
    expect(box.getAttribute('aria-describedby')).to.equal('integrity-hint');
    const hint = text($(embed, '#integrity-hint'));
    expect(hint).to.contain('ingen annan kod kan smygas in');
    expect(hint).to.contain('slutar widgeten att visas tills koden klistras in på nytt');
    await expect(el).to.be.accessible();

    box.click();
    await waitUntil(() => text($(embed, '#snippet-script')).includes(`integrity="${info.loaderIntegrity}"`), 'the hash in the snippet');
  });

  it('covers every widget: a poll, an open survey and the panel with their own iframe addresses, and the chat with the script only', async () => {
    const created = (await executeServerCommand('survey-create', {
      survey: {
        title: { sv: 'Inbäddad enkät', en: null },
        intro: { sv: 'Några frågor.', en: null },
        audience: 'open',
        pages: [{ questions: [{ id: 'q', type: 'single', text: { sv: 'Vilken?', en: null }, options: [{ sv: 'A', en: null }, { sv: 'B', en: null }], required: true }] }],
      },
    })) as { id: number };
    const { el, embed } = await builder();
    const info = await staffApi.embedInfo();
    const labels = [...$<HTMLSelectElement>(embed, '#widget')!.options].map((o) => text(o));
    expect(labels).to.include.members(['Engagemangsrutor', 'E-förslag', 'Alla e-förslag', 'Medborgarbudget', 'Snabbfråga', 'Enkät', 'Medborgarpanelen', 'Chatt']);

    // A poll: the polls residents can see, by question.
    chooseWidget(embed, 'Snabbfråga');
    await waitUntil(() => $(embed, '#value') && text($(embed, 'label[for=value]')) === 'Vilken snabbfråga', 'the poll is picked');
    const poll = info.polls[0]!;
    expect([...$<HTMLSelectElement>(embed, '#value')!.options].map((o) => o.value)).to.deep.equal(info.polls.map((p) => String(p.id)));
    choose(embed, String(poll.id));
    await waitUntil(() => text($(embed, '#snippet-script')).includes(`<medverka-poll poll="${poll.id}"></medverka-poll>`), 'the poll’s snippet');
    expect(text($(embed, '#snippet-iframe'))).to.contain(`/embed/poll/${poll.id}"`);
    expect(text($(embed, '#snippet-csp-trusted-types'))).to.equal('trusted-types lit-html');
    await waitUntil(() => $(embed, '.preview-box medverka-poll')?.shadowRoot?.textContent?.includes(poll.question), 'the preview shows the poll', { timeout: 8000 });
    expect((await fetch(`/embed/poll/${poll.id}`)).status).to.equal(200);
    await expect(el).to.be.accessible();

    // An open survey.
    chooseWidget(embed, 'Enkät');
    await waitUntil(() => text($(embed, 'label[for=value]')) === 'Vilken enkät', 'the survey is picked');
    expect(info.surveys.map((s) => s.id)).to.include(created.id);
    choose(embed, String(created.id));
    await waitUntil(() => text($(embed, '#snippet-script')).includes(`<medverka-survey survey="${created.id}"></medverka-survey>`), 'the survey’s snippet');
    expect(text($(embed, '#snippet-iframe'))).to.contain(`/embed/survey/${created.id}"`);
    expect(text($(embed, '#snippet-iframe'))).to.contain('title="Inbäddad enkät"');
    // Starting an open survey carries a proof of work, solved in a worker.
    expect(text($(embed, '#snippet-csp-trusted-types'))).to.equal('trusted-types lit-html medverka-pow');
    expect(text($(embed, '#snippet-csp-script'))).to.equal(`script-src ${info.origin}; connect-src ${info.origin}; worker-src blob:`);
    expect((await fetch(`/embed/survey/${created.id}`)).status).to.equal(200);
    await expect(el).to.be.accessible();

    // The panel: nothing to pick; joining carries a proof of work.
    chooseWidget(embed, 'Medborgarpanelen');
    await waitUntil(() => text($(embed, '#snippet-script')).includes('<medverka-panel></medverka-panel>'), 'the panel’s snippet');
    expect($(embed, '#value')).to.equal(null);
    expect(text($(embed, '#snippet-iframe'))).to.contain('/embed/panel/ga-med"');
    expect(text($(embed, '#snippet-csp-trusted-types'))).to.equal('trusted-types lit-html medverka-pow');
    expect((await fetch('/embed/panel/ga-med')).status).to.equal(200);
    await expect(el).to.be.accessible();

    // The chat: the script only, no floating launcher over the console.
    chooseWidget(embed, 'Chatt');
    await waitUntil(() => text($(embed, '#snippet-script')).includes('<medverka-chat></medverka-chat>'), 'the chat’s snippet');
    expect($(embed, '#snippet-iframe'), 'no iframe for the chat').to.equal(null);
    expect(text($(embed, '#no-iframe'))).to.contain('Chatten kan inte bäddas in med en iframe');
    expect($(embed, '.preview-box medverka-chat'), 'no launcher in the console').to.equal(null);
    expect(text($(embed, '#snippet-csp-script'))).to.equal(`script-src ${info.origin}; connect-src ${info.origin}; worker-src blob:`);
    await expect(el).to.be.accessible();
  });
});
