import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { staffApi, type StaffPetition } from '../kit/api.js';
import { describedBy, errorSummary, fieldError } from '../kit/forms.js';
import { dateTime, petitionStatusLabel } from '../kit/labels.js';
import { screenHeading } from '../kit/screen.js';
import { awaitsAnswer } from './petitions.element.js';
import { PetitionScreen, type Field, type FormName } from './petition-screen.js';

/**
 * One e-petition for moderation: its text and proposer, similar petitions, corrections, and the
 * steps its status allows (publish, reject with a reason, close, answer). An answer is mailed
 * to everyone who asked to hear back, so it is asked about first, with the mails to be sent
 * shown; once published it can be corrected, which is shown as such and mailed to nobody.
 */
export class MedverkaConsolePetition extends PetitionScreen {
  protected summary(form: FormName, fields: readonly Field[]) {
    if (this.errorsFor !== form) return nothing;
    return errorSummary(`${form}-errors`, this.errors, this.general, fields, () => this.renderRoot as ShadowRoot);
  }

  protected fieldError(form: FormName, f: Field): string | undefined {
    return this.errorsFor === form ? this.errors[f.name] : undefined;
  }

  protected textField(form: FormName, f: Field, value: string, opts: { multiline?: boolean; long?: boolean; hint?: string } = {}) {
    const error = this.fieldError(form, f);
    const described = describedBy(opts.hint && `${f.id}-hint`, error && `${f.id}-error`);
    return html`<div class="field">
      <label for=${f.id}>${f.label}</label>
      ${opts.hint ? html`<p class="hint" id="${f.id}-hint">${opts.hint}</p>` : nothing} ${fieldError(f.id, error)}
      ${opts.multiline
        ? html`<textarea
            id=${f.id}
            name=${f.name}
            class=${opts.long ? 'long' : ''}
            .value=${value}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${described}
          ></textarea>`
        : html`<input id=${f.id} name=${f.name} type="text" .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described} />`}
    </div>`;
  }

  protected renderFacts(p: StaffPetition): TemplateResult {
    const date = (iso: string | null) => (iso ? html`<time datetime=${iso}>${dateTime(iso, this.locale)}</time>` : null);
    // Only what the petition has: a row without a value is left out. Its status is the heading above.
    const row = (label: string, value: unknown) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing);
    return html`<dl class="facts">
      <dt>${msg('Underskrifter', { id: 'console.petitions.signatures' })}</dt>
      <dd class="count">${msg(str`${p.signatureCount} av ${p.threshold}`, { id: 'console.petitions.count' })}</dd>
      ${row(msg('Förslagsställare', { id: 'console.petitions.proposer' }), p.proposerName)}
      ${row(msg('E-post', { id: 'console.petitions.proposer-email' }), p.proposerEmail)}
      ${row(msg('Skapat', { id: 'console.petitions.created-at' }), date(p.createdAt))}
      ${row(msg('Bekräftat av förslagsställaren', { id: 'console.petitions.submitted-at' }), date(p.submittedAt))}
      ${row(msg('Öppnat', { id: 'console.petitions.opened-at' }), date(p.openedAt))}
      ${row(msg('Stänger', { id: 'console.petitions.closes-at' }), p.status === 'open' ? date(p.closesAt) : null)}
      ${row(msg('Nådde gränsen', { id: 'console.petitions.threshold-reached-at' }), date(p.thresholdReachedAt))}
      ${row(msg('Besvarat', { id: 'console.petitions.answered-at' }), date(p.answeredAt))}
      ${row(msg('Nämnd som har beslutat', { id: 'console.petitions.committee' }), p.answerCommittee)}
    </dl>`;
  }

  protected renderSimilar(): TemplateResult {
    return html`<h2>${msg('Liknande e-förslag', { id: 'console.petitions.similar' })}</h2>
      ${this.similar.length === 0
        ? html`<p class="no-similar">${msg('Inga andra publicerade eller väntande e-förslag liknar det här.', { id: 'console.petitions.no-similar' })}</p>`
        : html`<ul class="similar">
            ${this.similar.map(
              (s) => html`<li>
                <a href="#/petitions/${s.id}">${s.title}</a>
                <span class="muted"
                  >(${petitionStatusLabel(s.status)}, ${msg(str`${s.sharedWords} gemensamma ord`, { id: 'console.petitions.shared-words' })})</span
                >
              </li>`,
            )}
          </ul>`}`;
  }

  protected renderActions(p: StaffPetition): TemplateResult {
    const busy = this.busy ? 'true' : 'false';
    const parts: TemplateResult[] = [];
    if (p.status === 'draft') {
      parts.push(
        html`<p class="notice">
          ${msg('Förslagsställaren har inte bekräftat förslaget via e-post än. Det kan granskas först när det är bekräftat.', {
            id: 'console.petitions.draft-notice',
          })}
        </p>`,
      );
    }
    if (p.status === 'awaiting_moderation') {
      parts.push(html`<div class="actions">
          <button id="approve" class="primary" type="button" aria-disabled=${busy} @click=${this.onApprove}>
            ${msg('Publicera', { id: 'console.petitions.approve' })}
          </button>
          ${this.rejecting
            ? nothing
            : html`<button id="reject" class="danger" type="button" @click=${this.startReject}>${msg('Avvisa', { id: 'console.petitions.reject' })}</button>`}
        </div>
        ${this.rejecting
          ? html`<form class="confirm" novalidate aria-labelledby="reject-heading" @submit=${this.onReject}>
              <h3 id="reject-heading">${msg('Avvisa förslaget', { id: 'console.petitions.reject-heading' })}</h3>
              ${this.summary('reject', [this.reasonField])}
              ${this.textField('reject', this.reasonField, '', {
                multiline: true,
                hint: msg('Skälet skickas till förslagsställaren. Skriv minst 10 tecken.', { id: 'console.petitions.reason-hint' }),
              })}
              <div class="actions">
                <button class="danger primary" type="submit" aria-disabled=${busy}>
                  ${msg('Avvisa förslaget', { id: 'console.petitions.reject-heading' })}
                </button>
                <button type="button" @click=${this.cancelReject}>${msg('Avbryt', { id: 'console.cancel' })}</button>
              </div>
            </form>`
          : nothing}`);
    }
    if (p.status === 'open') {
      parts.push(html`<div class="actions">
        <button id="close" type="button" aria-disabled=${busy} @click=${this.onClose}>
          ${msg('Stäng för underskrifter', { id: 'console.petitions.close' })}
        </button>
      </div>`);
    }
    if (p.status === 'open' || p.status === 'closed') parts.push(this.renderAnswerForm());
    if (parts.length === 0 && this.errorsFor !== 'actions') return html``;
    return html`<h2>${msg('Hantera', { id: 'console.petitions.manage' })}</h2>
      ${this.summary('actions', [])} ${parts}`;
  }

  protected renderAnswerForm(): TemplateResult {
    const preview = this.preview;
    return html`<h3>${msg('Publicera svar', { id: 'console.petitions.answer-heading' })}</h3>
      ${this.summary('answer', [this.answerField, this.committeeField])}
      <form novalidate @submit=${this.onAnswer} @input=${this.onAnswerInput}>
        ${this.textField('answer', this.answerField, '', {
          multiline: true,
          long: true,
          hint: msg('Svaret visas med förslaget och skickas till förslagsställaren och till dem som skrivit under och bett att få veta.', {
            id: 'console.petitions.answer-hint',
          }),
        })}
        ${this.textField('answer', this.committeeField, '', {
          hint: msg('Till exempel Tekniska nämnden. Visas med svaret.', { id: 'console.petitions.committee-hint' }),
        })}
        ${preview
          ? html`<div class="confirm" role="group" aria-labelledby="answer-confirm-question">
              <p id="answer-confirm-question" tabindex="-1">
                ${preview.mails.recipients === 0
                  ? msg('Vill du publicera svaret? Det visas direkt med förslaget. Ingen får e-post: ingen har bett att få veta.', {
                      id: 'console.petitions.confirm-answer-none',
                    })
                  : preview.mails.recipients === 1
                    ? msg('Vill du publicera svaret? Det visas direkt med förslaget och skickas till 1 person. Det här mejlet skickas:', {
                        id: 'console.petitions.confirm-answer-one',
                      })
                    : msg(str`Vill du publicera svaret? Det visas direkt med förslaget och skickas till ${preview.mails.recipients} personer. Det här mejlet skickas:`, {
                        id: 'console.petitions.confirm-answer',
                      })}
              </p>
              ${preview.mails.mails.map(
                (m) => html`<section class="mail-preview">
                  <h4>${this.previewLabel(m.lang, m.recipients)}</h4>
                  <pre lang=${m.lang}>${msg('Ämne:', { id: 'console.petitions.mail-subject' })} ${m.subject}

${m.text}</pre>
                </section>`,
              )}
              <p>${msg('Du kan rätta svaret efteråt. Rättelsen visas som en rättelse och skickas inte ut.', { id: 'console.petitions.confirm-answer-after' })}</p>
              <div class="actions">
                <button type="button" class="primary" data-action="confirm" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.onConfirmAnswer}>
                  ${msg('Ja, publicera svaret', { id: 'console.petitions.confirm-answer-yes' })}
                </button>
                <button type="button" data-action="cancel" @click=${this.cancelAnswer}>${msg('Avbryt', { id: 'console.cancel' })}</button>
              </div>
            </div>`
          : html`<div class="actions">
              <button id="answer-submit" class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
                ${msg('Publicera svar', { id: 'console.petitions.answer-heading' })}
              </button>
            </div>`}
      </form>`;
  }

  protected previewLabel(lang: 'sv' | 'en', recipients: number): string {
    if (recipients === 1) {
      return lang === 'en'
        ? msg('På engelska, till 1 person', { id: 'console.petitions.mail-in-english-one' })
        : msg('På svenska, till 1 person', { id: 'console.petitions.mail-in-swedish-one' });
    }
    return lang === 'en'
      ? msg(str`På engelska, till ${recipients} personer`, { id: 'console.petitions.mail-in-english' })
      : msg(str`På svenska, till ${recipients} personer`, { id: 'console.petitions.mail-in-swedish' });
  }

  protected renderAnswerCorrection(p: StaffPetition): TemplateResult | typeof nothing {
    if (p.status !== 'answered') return nothing;
    const [answer, committee] = this.correctAnswerFields;
    return html`<h2>${msg('Rätta svaret', { id: 'console.petitions.correct-answer-heading' })}</h2>
      <p>
        ${msg('Rätta fel i svaret eller nämnden. Förslaget visar att svaret är rättat och när. Ingen får e-post om rättelsen.', {
          id: 'console.petitions.correct-answer-intro',
        })}
      </p>
      ${this.summary('correct-answer', this.correctAnswerFields)}
      <form novalidate @submit=${this.onCorrectAnswer}>
        ${this.textField('correct-answer', answer, p.answer ?? '', { multiline: true, long: true })}
        ${this.textField('correct-answer', committee, p.answerCommittee ?? '')}
        <div class="actions">
          <button id="correct-answer-submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${msg('Spara rättelsen', { id: 'console.petitions.correct-submit' })}
          </button>
        </div>
      </form>`;
  }

  protected renderCorrection(p: StaffPetition): TemplateResult | typeof nothing {
    if (p.status !== 'awaiting_moderation' && p.status !== 'open') return nothing;
    const [title, body] = this.correctFields as [Field, Field];
    return html`<h2>${msg('Rätta stavfel', { id: 'console.petitions.correct-heading' })}</h2>
      <p>${msg('Rätta bara uppenbara fel. Ändra inte vad förslaget betyder.', { id: 'console.petitions.correct-intro' })}</p>
      ${this.summary('correct', this.correctFields)}
      <form novalidate @submit=${this.onCorrect}>
        ${this.textField('correct', title, p.title)} ${this.textField('correct', body, p.body, { multiline: true, long: true })}
        <div class="actions">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Spara rättelsen', { id: 'console.petitions.correct-submit' })}</button>
        </div>
      </form>`;
  }

  protected override render(): TemplateResult {
    const back = html`<p><a href="#/petitions">${msg('Alla e-förslag', { id: 'console.petitions.back' })}</a></p>`;
    const notice = this.loaded.notice();
    const p = this.petition;
    if (notice || !p) return html`${back} ${screenHeading(msg('E-förslag', { id: 'console.nav.petitions' }))} ${notice}`;
    const csv = p.status === 'open' || p.status === 'closed' || p.status === 'answered';
    return html`${back}
      <h1 tabindex="-1">${p.title}</h1>
      <h2 id="status-heading" tabindex="-1">${msg(str`Status: ${petitionStatusLabel(p.status)}`, { id: 'console.petitions.status-heading' })}</h2>
      ${this.done ? html`<p id="done" class="notice">${this.done}</p>` : nothing}
      ${awaitsAnswer(p)
        ? html`<p><span class="badge due">${msg('Har nått gränsen – ska besvaras', { id: 'console.petitions.due' })}</span></p>`
        : nothing}
      ${this.renderFacts(p)}
      ${csv
        ? html`<p>
            <a href=${staffApi.signaturesCsvUrl(p.id)} download="underskrifter-${p.id}.csv"
              >${msg('Ladda ner underskrifterna (CSV)', { id: 'console.petitions.csv' })}</a
            >
          </p>`
        : nothing}
      <h2>${msg('Förslagets text', { id: 'console.petitions.text-heading' })}</h2>
      <div class="text">${p.body}</div>
      ${p.rejectionReason
        ? html`<h2>${msg('Skäl till avvisning', { id: 'console.petitions.rejection-reason' })}</h2>
            <div class="text">${p.rejectionReason}</div>`
        : nothing}
      ${p.answer
        ? html`<h2>${msg('Kommunens svar', { id: 'console.petitions.answer' })}</h2>
            <div class="text answer">${p.answer}</div>
            ${p.answerCorrectedAt
              ? html`<p class="corrected">
                  ${msg('Rättat', { id: 'console.petitions.answer-corrected-at' })}
                  <time datetime=${p.answerCorrectedAt}>${dateTime(p.answerCorrectedAt, this.locale)}</time>
                </p>`
              : nothing}`
        : nothing}
      ${this.renderActions(p)} ${this.renderCorrection(p)} ${this.renderAnswerCorrection(p)} ${this.renderSimilar()}`;
  }
}
