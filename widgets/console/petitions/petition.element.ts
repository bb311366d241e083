import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { StaffApiError, staffApi, type AnswerPreview, type SimilarPetition, type StaffPetition } from '../kit/api.js';
import { atLeast, describedBy, errorsFrom, errorSummary, fieldError, focusSummary, formValues, required, type FieldErrors } from '../kit/forms.js';
import { dateTime, petitionStatusLabel } from '../kit/labels.js';
import { awaitsAnswer } from './petitions.element.js';
import { FormScreen } from '../kit/form-screen.js';
import { ConsoleScreen } from '../kit/screen.js';
import { petitionStyles } from './petition.styles.js';

/** The forms of this screen; a failed request's errors belong to one of them. */
type FormName = 'correct' | 'reject' | 'answer' | 'correct-answer' | 'actions';

interface Field {
  name: string;
  id: string;
  label: string;
}

/** Client-side limits, the server's own (server/petitions/staff-routes.ts). */
const limits = { title: 5, body: 20, reason: 10, answer: 10, committee: 2 } as const;

/**
 * One e-petition for moderation: its text and proposer, similar petitions, corrections, and the
 * steps its status allows (publish, reject with a reason, close, answer). An answer is mailed
 * to everyone who asked to hear back, so it is asked about first, with the mails to be sent
 * shown; once published it can be corrected, which is shown as such and mailed to nobody.
 */
export class MedverkaConsolePetition extends FormScreen {
  static override styles = [...ConsoleScreen.styles, petitionStyles];

  static override properties = {
    ...FormScreen.properties,
    /** The petition's number, from the hash. */
    petitionId: { attribute: 'petition-id' },
    petition: { state: true },
    similar: { state: true },
    loadProblem: { state: true },
    rejecting: { state: true },
    errorsFor: { state: true },
    preview: { state: true },
    done: { state: true },
  };

  declare petitionId: string;
  declare private petition?: StaffPetition;
  declare private similar: SimilarPetition[];
  declare private loadProblem?: string;
  /** The reject step is open: a reason is asked for before anything is sent. */
  declare private rejecting: boolean;
  /** The form the current errors belong to. */
  declare private errorsFor?: FormName;
  /** The answer being asked about, with the mails it would send; set while the question is shown. */
  declare private preview?: { answer: string; committee: string; mails: AnswerPreview };
  /** What the last step did, shown until the next one. */
  declare private done?: string;

  constructor() {
    super();
    this.petitionId = '';
    this.similar = [];
    this.rejecting = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get number(): number {
    return /^[1-9][0-9]{0,9}$/.test(this.petitionId) ? Number(this.petitionId) : 0;
  }

  async load(): Promise<void> {
    this.loadProblem = undefined;
    try {
      const { petition, similar } = await staffApi.petition(this.number);
      this.petition = petition;
      this.similar = similar;
    } catch (err) {
      this.loadProblem = errorsFrom(err, []).general[0];
    }
  }

  private get correctFields(): Field[] {
    return [
      { name: 'title', id: 'correct-title', label: msg('Titel', { id: 'console.petitions.title' }) },
      { name: 'body', id: 'correct-body', label: msg('Text', { id: 'console.petitions.body' }) },
    ];
  }

  private get reasonField(): Field {
    return { name: 'reason', id: 'reject-reason', label: msg('Varför avvisas förslaget?', { id: 'console.petitions.reason' }) };
  }

  private get answerField(): Field {
    return { name: 'answer', id: 'answer-text', label: msg('Kommunens svar', { id: 'console.petitions.answer' }) };
  }

  private get committeeField(): Field {
    return { name: 'committee', id: 'answer-committee', label: msg('Nämnd som har beslutat', { id: 'console.petitions.committee' }) };
  }

  private get correctAnswerFields(): [Field, Field] {
    return [
      { ...this.answerField, id: 'correct-answer-text' },
      { ...this.committeeField, id: 'correct-answer-committee' },
    ];
  }

  private clearErrors() {
    this.errorsFor = undefined;
    this.errors = {};
    this.general = [];
  }

  /** Shows a form's errors and moves focus to its summary. */
  private async showErrors(form: FormName, errors: FieldErrors, general: string[] = []) {
    this.errorsFor = form;
    this.errors = errors;
    this.general = general;
    await focusSummary(this, `${form}-errors`);
  }

  /** Runs one request for a form; on failure its problems go beside the fields and into the summary. */
  private async send(form: FormName, fields: readonly string[], action: () => Promise<StaffPetition>, done: (p: StaffPetition) => string) {
    if (this.busy) return;
    this.busy = true;
    try {
      const petition = await action();
      this.petition = petition;
      this.clearErrors();
      this.rejecting = false;
      this.preview = undefined;
      this.done = done(petition);
      this.announce(this.done);
      await this.focusOn('#status-heading');
    } catch (err) {
      this.preview = undefined;
      this.done = undefined;
      if (err instanceof StaffApiError && err.code === 'wrong_status') {
        // Someone else moved it meanwhile: show what it is now.
        await this.load();
        await this.showErrors(form, {}, [
          msg('Förslaget har fått en annan status under tiden. Sidan visar nu hur det ser ut.', { id: 'console.petitions.wrong-status' }),
        ]);
      } else {
        const { fields: byField, general } = errorsFrom(err, fields);
        // The server's own wording for a too-short reason; the console words it like the others.
        for (const [name, message] of Object.entries(byField)) if (message.startsWith('say why')) byField[name] = atLeast(limits.reason);
        await this.showErrors(form, byField, general);
      }
    } finally {
      this.busy = false;
    }
  }

  private async onCorrect(event: SubmitEvent) {
    event.preventDefault();
    const petition = this.petition!;
    const { title = '', body = '' } = formValues(event.target as HTMLFormElement);
    const errors: FieldErrors = {};
    if (!title) errors.title = required;
    else if (title.length < limits.title) errors.title = atLeast(limits.title);
    if (!body) errors.body = required;
    else if (body.length < limits.body) errors.body = atLeast(limits.body);
    if (Object.keys(errors).length) return this.showErrors('correct', errors);
    const change: { title?: string; body?: string } = {};
    if (title !== petition.title) change.title = title;
    if (body !== petition.body) change.body = body;
    if (!change.title && !change.body) {
      this.clearErrors();
      this.announce(msg('Inget är ändrat.', { id: 'console.petitions.unchanged' }));
      return;
    }
    await this.send(
      'correct',
      ['title', 'body'],
      async () => (await staffApi.correctPetition(petition.id, change)).petition,
      () => msg('Rättelsen är sparad.', { id: 'console.petitions.corrected' }),
    );
  }

  private async onApprove() {
    const petition = this.petition!;
    await this.send(
      'actions',
      [],
      async () => (await staffApi.approvePetition(petition.id)).petition,
      () => msg('Förslaget är publicerat och förslagsställaren har fått e-post.', { id: 'console.petitions.approved' }),
    );
  }

  private async onClose() {
    const petition = this.petition!;
    await this.send(
      'actions',
      [],
      async () => (await staffApi.closePetition(petition.id)).petition,
      () => msg('Förslaget är stängt för underskrifter.', { id: 'console.petitions.closed' }),
    );
  }

  private async startReject() {
    this.clearErrors();
    this.rejecting = true;
    await this.focusOn(`#${this.reasonField.id}`);
  }

  private async cancelReject() {
    this.clearErrors();
    this.rejecting = false;
    await this.focusOn('#reject');
  }

  private async onReject(event: SubmitEvent) {
    event.preventDefault();
    const petition = this.petition!;
    const { reason = '' } = formValues(event.target as HTMLFormElement);
    if (reason.length < limits.reason) return this.showErrors('reject', { reason: reason ? atLeast(limits.reason) : required });
    await this.send(
      'reject',
      ['reason'],
      async () => (await staffApi.rejectPetition(petition.id, reason)).petition,
      () => msg('Förslaget är avvisat och förslagsställaren har fått e-post med skälet.', { id: 'console.petitions.rejected' }),
    );
  }

  /** Checks an answer and its committee; their errors, if any. */
  private answerErrors(fields: [Field, Field], answer: string, committee: string): FieldErrors {
    const errors: FieldErrors = {};
    if (answer.length < limits.answer) errors[fields[0].name] = answer ? atLeast(limits.answer) : required;
    if (committee.length < limits.committee) errors[fields[1].name] = committee ? atLeast(limits.committee) : required;
    return errors;
  }

  /** First step of answering: the mails the answer would send are fetched and shown with a question. */
  private async onAnswer(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const petition = this.petition!;
    const { answer = '', committee = '' } = formValues(event.target as HTMLFormElement);
    const errors = this.answerErrors([this.answerField, this.committeeField], answer, committee);
    if (Object.keys(errors).length) return this.showErrors('answer', errors);
    this.busy = true;
    try {
      const mails = await staffApi.previewAnswer(petition.id, answer, committee);
      this.clearErrors();
      this.done = undefined;
      this.preview = { answer, committee, mails };
      await this.focusOn('#answer-confirm-question');
    } catch (err) {
      const { fields, general } = errorsFrom(err, ['answer', 'committee']);
      await this.showErrors('answer', fields, general);
    } finally {
      this.busy = false;
    }
  }

  /** Second step: publishes exactly the answer that was shown. */
  private async onConfirmAnswer() {
    const petition = this.petition!;
    const { answer, committee } = this.preview!;
    let mailed = 0;
    await this.send(
      'answer',
      ['answer', 'committee'],
      async () => {
        const result = await staffApi.answerPetition(petition.id, answer, committee);
        mailed = result.mailed;
        return result.petition;
      },
      () =>
        mailed === 1
          ? msg('Svaret är publicerat och skickat till 1 person.', { id: 'console.petitions.answered-one' })
          : msg(str`Svaret är publicerat och skickat till ${mailed} personer.`, { id: 'console.petitions.answered' }),
    );
  }

  private async cancelAnswer() {
    this.preview = undefined;
    await this.focusOn('#answer-submit');
  }

  /** A change to the fields after the question was shown makes the shown mails wrong: ask again. */
  private onAnswerInput() {
    if (this.preview) this.preview = undefined;
  }

  private async onCorrectAnswer(event: SubmitEvent) {
    event.preventDefault();
    const petition = this.petition!;
    const { answer = '', committee = '' } = formValues(event.target as HTMLFormElement);
    const errors = this.answerErrors(this.correctAnswerFields, answer, committee);
    if (Object.keys(errors).length) return this.showErrors('correct-answer', errors);
    const change: { answer?: string; committee?: string } = {};
    if (answer !== petition.answer) change.answer = answer;
    if (committee !== (petition.answerCommittee ?? '')) change.committee = committee;
    if (!change.answer && !change.committee) {
      this.clearErrors();
      this.announce(msg('Inget är ändrat.', { id: 'console.petitions.unchanged' }));
      return;
    }
    await this.send(
      'correct-answer',
      ['answer', 'committee'],
      async () => (await staffApi.correctAnswer(petition.id, change)).petition,
      () => msg('Rättelsen av svaret är sparad. Ingen har fått e-post om den.', { id: 'console.petitions.answer-corrected' }),
    );
  }

  private summary(form: FormName, fields: readonly Field[]) {
    if (this.errorsFor !== form) return nothing;
    return errorSummary(`${form}-errors`, this.errors, this.general, fields, () => this.renderRoot as ShadowRoot);
  }

  private fieldError(form: FormName, f: Field): string | undefined {
    return this.errorsFor === form ? this.errors[f.name] : undefined;
  }

  private textField(form: FormName, f: Field, value: string, opts: { multiline?: boolean; long?: boolean; hint?: string } = {}) {
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

  private renderFacts(p: StaffPetition): TemplateResult {
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

  private renderSimilar(): TemplateResult {
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

  private renderActions(p: StaffPetition): TemplateResult {
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

  private renderAnswerForm(): TemplateResult {
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

  private previewLabel(lang: 'sv' | 'en', recipients: number): string {
    if (recipients === 1) {
      return lang === 'en'
        ? msg('På engelska, till 1 person', { id: 'console.petitions.mail-in-english-one' })
        : msg('På svenska, till 1 person', { id: 'console.petitions.mail-in-swedish-one' });
    }
    return lang === 'en'
      ? msg(str`På engelska, till ${recipients} personer`, { id: 'console.petitions.mail-in-english' })
      : msg(str`På svenska, till ${recipients} personer`, { id: 'console.petitions.mail-in-swedish' });
  }

  private renderAnswerCorrection(p: StaffPetition): TemplateResult | typeof nothing {
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

  private renderCorrection(p: StaffPetition): TemplateResult | typeof nothing {
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
    if (this.loadProblem) {
      return html`${back}
        <h1 tabindex="-1">${msg('E-förslag', { id: 'console.nav.petitions' })}</h1>
        <div class="notice problem">
          <p>${this.loadProblem}</p>
          <button type="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'console.retry' })}</button>
        </div>`;
    }
    const p = this.petition;
    if (!p) {
      return html`${back}
        <h1 tabindex="-1">${msg('E-förslag', { id: 'console.nav.petitions' })}</h1>
        <p>${msg('Laddar …', { id: 'console.loading' })}</p>`;
    }
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
