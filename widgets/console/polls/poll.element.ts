import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { StaffApiError } from '../kit/api.js';
import { Lifecycle, unsavedWarning } from '../kit/lifecycle.js';
import { problemText } from '../kit/forms.js';
import { screenHeading } from '../kit/screen.js';
import { dateTime, localized } from '../kit/labels.js';
import { pollApi, type StaffPoll } from './poll-api.js';
import { answersCount, renderResultRows, renderScaleAverage, type ResultRow } from '../kit/fields.js';
import { pollKindLabel, pollStatusLabel } from './polls.element.js';
import { PollForm } from './poll-form.js';
import type { Step } from './poll-screen.js';

/**
 * One quick poll: its form while it is a draft, its steps (open, close, reset the answers,
 * delete), its results as they come in, and the ways to show it: the presenter view for a
 * meeting room's screen and the code for a web page.
 */
export class MedverkaConsolePoll extends PollForm {
  // ——— Steps ———

  #lifecycle = new Lifecycle<Step, StaffPoll | undefined>(this, {
    buttonId: (step) => `${step}-poll`,
    words: (step) => this.confirmWords(step),
    danger: (step) => step === 'reset' || step === 'delete',
    take: async (step) => {
      if (step === 'delete') return void (await pollApi.remove(this.number));
      return (step === 'open' ? await pollApi.open(this.number) : step === 'close' ? await pollApi.close(this.number) : await pollApi.reset(this.number)).poll;
    },
    done: async (step, poll) => {
      if (!poll) {
        this.follow(false);
        this.say(() => msg('Snabbfrågan är borttagen.', { id: 'console.poll.deleted' }));
        location.hash = '#/polls';
        return;
      }
      this.show(poll, this.dirty && poll.status === 'draft');
      this.say(() =>
        step === 'open'
          ? msg('Snabbfrågan är öppen. Invånarna kan svara nu.', { id: 'console.poll.opened' })
          : step === 'close'
            ? msg('Snabbfrågan är stängd. Inga fler svar tas emot.', { id: 'console.poll.closed' })
            : msg('Alla svar är borttagna. Resultatet börjar om från noll.', { id: 'console.poll.reset' }),
      );
      await this.focusOn('#status-heading');
    },
    failed: async (_, err) => {
      if (err instanceof StaffApiError && err.status === 409) {
        // Someone else moved it meanwhile: show what it is now.
        await this.load();
        await this.#lifecycle.fail(this.words(() => msg('Snabbfrågan har ändrats under tiden. Sidan visar nu hur den ser ut.', { id: 'console.poll.conflict' })));
      } else {
        await this.#lifecycle.fail(this.words(() => problemText(err)));
      }
    },
  });

  /** The question a step asks before it is taken, and the button that says yes. */
  protected confirmWords(step: Step): [question: string, yes: string] {
    switch (step) {
      case 'open': {
        if (this.poll?.status === 'closed') {
          return [
            msg('Vill du öppna frågan igen? Svaren som finns står kvar, och invånarna kan svara igen.', { id: 'console.poll.confirm-reopen' }),
            msg('Ja, öppna frågan igen', { id: 'console.poll.confirm-reopen-yes' }),
          ];
        }
        return [
          msg('Vill du öppna frågan? Invånarna kan svara direkt, och frågan och alternativen går inte att ändra sedan.', { id: 'console.poll.confirm-open' }) +
            unsavedWarning(this.dirty),
          msg('Ja, öppna frågan', { id: 'console.poll.confirm-open-yes' }),
        ];
      }
      case 'close':
        return [
          msg('Vill du stänga frågan? Inga fler svar tas emot, och resultatet står kvar.', { id: 'console.poll.confirm-close' }),
          msg('Ja, stäng frågan', { id: 'console.poll.confirm-close-yes' }),
        ];
      case 'reset':
        return [
          msg('Vill du ta bort alla svar? Resultatet börjar om från noll, och svaren går inte att få tillbaka.', { id: 'console.poll.confirm-reset' }),
          msg('Ja, ta bort alla svar', { id: 'console.poll.confirm-reset-yes' }),
        ];
      case 'delete':
        return [
          msg('Vill du ta bort snabbfrågan och dess svar? Det går inte att ångra. En webbsida som visar den visar ett fel i stället.', {
            id: 'console.poll.confirm-delete',
          }),
          msg('Ja, ta bort frågan', { id: 'console.poll.confirm-delete-yes' }),
        ];
    }
  }

  protected renderStatus(p: StaffPoll): TemplateResult {
    const button = (step: Step, label: string, cls: string) => this.#lifecycle.button(step, label, cls);
    const buttons: TemplateResult[] = [];
    let notice: string;
    if (p.status === 'draft') {
      notice = msg('Frågan är ett utkast: bara personalen ser den. Öppna den när den är klar, så kan invånarna svara.', { id: 'console.poll.draft-notice' });
      buttons.push(button('open', msg('Öppna för svar', { id: 'console.poll.open' }), 'primary'));
      buttons.push(button('delete', msg('Ta bort frågan', { id: 'console.poll.delete' }), 'danger'));
    } else if (p.status === 'open') {
      notice = msg('Invånarna kan svara nu. Stäng frågan när ni är klara.', { id: 'console.poll.open-notice' });
      buttons.push(button('close', msg('Stäng för svar', { id: 'console.poll.close' }), 'primary'));
      buttons.push(button('reset', msg('Ta bort alla svar', { id: 'console.poll.reset-button' }), 'danger'));
    } else {
      notice = msg('Frågan är stängd. Resultatet syns fortfarande där frågan visas.', { id: 'console.poll.closed-notice' });
      buttons.push(button('open', msg('Öppna igen', { id: 'console.poll.reopen' }), ''));
      buttons.push(button('reset', msg('Ta bort alla svar', { id: 'console.poll.reset-button' }), 'danger'));
      buttons.push(button('delete', msg('Ta bort frågan', { id: 'console.poll.delete' }), 'danger'));
    }
    return html`${this.#lifecycle.renderStatus(pollStatusLabel(p.status))} ${this.#lifecycle.renderNext(notice, buttons)}`;
  }

  protected renderFacts(p: StaffPoll): TemplateResult {
    const date = (label: string, iso: string | null, key: string) =>
      iso ? html`<dt>${label}</dt><dd data-date=${key}><time datetime=${iso}>${dateTime(iso, this.locale)}</time></dd>` : nothing;
    return html`<dl class="facts">
      <dt>${msg('Sätt att svara', { id: 'console.polls.kind' })}</dt>
      <dd>${pollKindLabel(p.kind)}</dd>
      ${date(msg('Skapad', { id: 'console.budget.created-at' }), p.createdAt, 'created')}
      ${date(msg('Öppnad', { id: 'console.budget.opened-at' }), p.openedAt, 'opened')}
      ${date(msg('Stängd', { id: 'console.budget.closed-at' }), p.status === 'closed' ? p.closedAt : null, 'closed')}
    </dl>`;
  }

  protected resultRows(p: StaffPoll): ResultRow[] {
    const count = (id: number) => p.results.counts[String(id)] ?? 0;
    const english = this.locale === 'en';
    if (p.kind === 'scale') {
      return [1, 2, 3, 4, 5].map((n) => {
        const end = p.scaleLabels ? (n === 1 ? p.scaleLabels.low : n === 5 ? p.scaleLabels.high : null) : null;
        return { key: String(n), label: end ? `${n} – ${localized(end, this.locale)}` : String(n), count: count(n) };
      });
    }
    return p.options.map((o) => ({
      key: String(o.id),
      label: localized(o.label, this.locale),
      ...(english && !o.label.en ? { lang: 'sv' } : {}),
      count: count(o.id),
    }));
  }

  protected renderResults(p: StaffPoll): TemplateResult | typeof nothing {
    if (p.status === 'draft') return nothing;
    const total = p.results.total;
    return html`<h2 id="results-heading">${msg('Resultat', { id: 'console.poll.results' })}</h2>
      <p class="total">
        <strong data-total=${total}>${answersCount(total)}</strong>
        ${p.status === 'open'
          ? html`<span class="muted"
              >${this.live
                ? msg('(uppdateras medan frågan är öppen)', { id: 'console.poll.live' })
                : msg('(hämta resultatet igen för att se nya svar)', { id: 'console.poll.not-live' })}</span
            >`
          : nothing}
      </p>
      ${renderResultRows('poll-results', msg('Svar per alternativ', { id: 'console.poll.results-caption' }), this.resultRows(p), total, this.locale)}
      ${p.kind === 'scale' ? renderScaleAverage('poll-average', this.resultRows(p), this.locale) : nothing}
      ${p.kind === 'multiple'
        ? html`<p class="hint">
            ${msg('Invånarna kan välja flera alternativ, så andelarna blir tillsammans mer än 100 %.', { id: 'console.poll.multiple-hint' })}
          </p>`
        : nothing}
      <div class="actions">
        <button type="button" id="refresh-results" @click=${() => void this.refresh()}>${msg('Hämta resultatet igen', { id: 'console.budget.refresh' })}</button>
      </div>`;
  }

  protected async refresh() {
    try {
      this.show(await this.fetchPoll(), true);
      this.say(() => msg('Resultatet är uppdaterat.', { id: 'console.budget.results-updated' }));
    } catch (err) {
      this.say(() => problemText(err));
    }
  }

  protected async copyCode(code: string) {
    try {
      await navigator.clipboard.writeText(code);
      this.say(() => msg('Koden är kopierad.', { id: 'console.poll.copied' }));
    } catch {
      this.say(() => msg('Det gick inte att kopiera. Markera koden och kopiera den själv.', { id: 'console.poll.copy-failed' }));
    }
  }

  protected renderShow(p: StaffPoll): TemplateResult {
    const code = `<medverka-poll poll="${p.id}"></medverka-poll>`;
    return html`<h2 id="show-heading">${msg('Visa frågan', { id: 'console.poll.show' })}</h2>
      ${p.status === 'draft'
        ? html`<p class="hint">${msg('Storbilden och webbsidorna visar frågan när den är öppen.', { id: 'console.poll.show-draft' })}</p>`
        : nothing}
      <ul class="downloads">
        <li>
          <a id="presenter-link" href=${pollApi.presenterUrl(p.id)} target="_blank" rel="noopener"
            >${msg('Storbild för mötet', { id: 'console.poll.presenter' })} ${msg('(öppnas i en ny flik)', { id: 'console.new-tab' })}</a
          >
        </li>
        <li>
          <a href=${pollApi.presenterUrl(p.id, 'en')} target="_blank" rel="noopener" lang="en"
            >Presenter view in English ${msg('(öppnas i en ny flik)', { id: 'console.new-tab' })}</a
          >
        </li>
      </ul>
      <h3 id="code-heading">${msg('Kod för en webbsida', { id: 'console.poll.code' })}</h3>
      <p class="hint" id="code-hint">
        ${msg('Klistra in koden där frågan ska synas. Sidan behöver också Medverkas skripttagg, som du hittar under', { id: 'console.poll.code-hint' })}
        <a href="#/embed">${msg('Bädda in', { id: 'console.nav.embed' })}</a>.
      </p>
      <pre class="code-block embed-code"><code id="embed-code">${code}</code></pre>
      <div class="actions">
        <button type="button" id="copy-code" aria-describedby="code-hint" @click=${() => void this.copyCode(code)}>${msg('Kopiera koden', { id: 'console.poll.copy' })}</button>
      </div>`;
  }

  protected override render(): TemplateResult {
    const back = html`<p><a href="#/polls">${msg('Alla snabbfrågor', { id: 'console.poll.back' })}</a></p>`;
    if (this.creating) {
      return html`${back}
        ${screenHeading(msg('Ny snabbfråga', { id: 'console.polls.new' }), msg('Frågan sparas som ett utkast. Invånarna ser den först när du öppnar den.', { id: 'console.poll.new-intro' }))}
        ${this.renderForm(this.draft!)}`;
    }
    const p = this.poll;
    const d = this.draft;
    if (this.loadProblem || !p || !d) return this.renderPending(back, msg(str`Snabbfråga ${this.pollId}`, { id: 'console.poll.title-n' }));
    return html`${back} ${screenHeading(localized(p.question, this.locale))}
      ${this.renderFacts(p)} ${this.renderStatus(p)} ${this.renderResults(p)} ${this.renderShow(p)}
      ${p.status === 'draft' ? this.renderForm(d) : nothing}`;
  }
}
