import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { StaffApiError } from '../kit/api.js';
import type { Field } from '../kit/form-editor.js';
import { Lifecycle, unsavedWarning } from '../kit/lifecycle.js';
import { errorSummary, focusSummary, problemText, required, type FieldErrors } from '../kit/forms.js';
import { dateTime } from '../kit/labels.js';
import { panelApi, type StaffSurvey } from './panel-api.js';
import { fieldIdOf, pollIssueText, textField } from '../kit/fields.js';
import { SurveyForm } from './survey-form.js';
import type { Step } from './survey-screen.js';

/** The survey's steps: the timeline, each step asked before it is taken, and the feedback and decision sent to those who answered. */
export abstract class SurveySteps extends SurveyForm {
  // ——— Steps ———

  protected doneWords(step: Step, survey: StaffSurvey, mailed: number): string {
    switch (step) {
      case 'approve':
        return msg(str`Enkäten är godkänd av ${survey.approvedBy ?? ''}.`, { id: 'console.survey.approved' });
      case 'send':
        return survey.audience === 'open'
          ? msg('Enkäten är öppen. Alla kan svara där den visas.', { id: 'console.survey.opened' })
          : msg(str`Enkäten är skickad till panelen: ${mailed} e-postmeddelanden.`, { id: 'console.survey.sent' });
      case 'remind':
        return mailed
          ? msg(str`Påminnelsen är skickad: ${mailed} e-postmeddelanden.`, { id: 'console.survey.reminded' })
          : msg('Ingen påminnelse skickades: ingen behövde den, alla som fick enkäten har redan skickat in sina svar.', { id: 'console.survey.no-one-to-remind' });
      case 'close':
        return msg('Enkäten är stängd. Inga fler svar tas emot.', { id: 'console.survey.closed' });
      case 'feedback':
        return msg(str`Återkopplingen är skickad: ${mailed} e-postmeddelanden.`, { id: 'console.survey.feedback-sent' });
      case 'decision':
        return msg(str`Beslutet är skickat: ${mailed} e-postmeddelanden.`, { id: 'console.survey.decision-sent' });
      case 'delete':
        return msg('Utkastet är borttaget.', { id: 'console.survey.deleted' });
    }
  }

  protected readonly lifecycle = new Lifecycle<Step, { survey: StaffSurvey; mailed: number } | undefined>(this, {
    buttonId: (step) => (step === 'feedback' || step === 'decision' ? `${step}-submit` : `${step}-survey`),
    words: (step) => this.confirmWords(step, this.survey!),
    danger: (step) => step === 'delete' || step === 'close',
    take: async (step) => {
      const id = this.number;
      if (step === 'delete') return void (await panelApi.remove(id));
      if (step === 'approve') return { survey: (await panelApi.approve(id)).survey, mailed: 0 };
      if (step === 'close') return { survey: (await panelApi.close(id)).survey, mailed: 0 };
      return step === 'send'
        ? await panelApi.send(id)
        : step === 'remind'
          ? await panelApi.remind(id)
          : step === 'feedback'
            ? await panelApi.feedback(id, { sv: this.feedbackSv.trim(), en: this.feedbackEn.trim() || null })
            : await panelApi.decision(id, this.committee.trim(), { sv: this.decisionSv.trim(), en: this.decisionEn.trim() || null });
    },
    done: async (step, answer) => {
      if (!answer) {
        this.say(() => msg('Utkastet är borttaget.', { id: 'console.survey.deleted' }));
        location.hash = '#/panel';
        return;
      }
      this.sendErrors = {};
      this.sendGeneral = [];
      this.show(answer.survey);
      this.say(() => this.doneWords(step, answer.survey, answer.mailed));
      await this.loadResults();
      await this.focusOn('#status-heading');
    },
    failed: async (step, err) => {
      if (err instanceof StaffApiError && err.code === 'own_survey') {
        await this.lifecycle.fail(this.words(() => msg('Du har skrivit enkäten, så någon annan måste godkänna den.', { id: 'console.survey.own-survey' })));
      } else if (err instanceof StaffApiError && err.status === 409) {
        await this.load();
        await this.lifecycle.fail(this.words(() => msg('Enkäten har ändrats under tiden. Sidan visar nu hur den ser ut.', { id: 'console.survey.conflict' })));
      } else if ((step === 'feedback' || step === 'decision') && err instanceof StaffApiError && err.issues.length) {
        const fields: FieldErrors = {};
        const general: string[] = [];
        for (const issue of err.issues) {
          const field = issue.path === 'text' ? 'text.sv' : issue.path;
          if (['committee', 'text.sv', 'text.en'].includes(field)) fields[field] ??= issue.message;
          else general.push(pollIssueText(issue.message));
        }
        this.sendErrors = fields;
        this.sendGeneral = general;
        await focusSummary(this, 'send-errors');
      } else if (step === 'feedback' || step === 'decision') {
        this.sendGeneral = [this.words(() => problemText(err))];
        await focusSummary(this, 'send-errors');
      } else {
        await this.lifecycle.fail(this.words(() => problemText(err)));
      }
    },
  });

  protected confirmWords(step: Step, s: StaffSurvey): [string, string] {
    const members = this.panel?.members;
    switch (step) {
      case 'approve':
        return [
          msg('Vill du godkänna enkäten? Sedan går den inte att ändra, och ditt namn sparas som den som godkände den.', { id: 'console.survey.confirm-approve' }) +
            unsavedWarning(this.dirty),
          msg('Ja, godkänn enkäten', { id: 'console.survey.confirm-approve-yes' }),
        ];
      case 'delete':
        return [
          msg('Vill du ta bort utkastet? Det går inte att ångra.', { id: 'console.survey.confirm-delete' }),
          msg('Ja, ta bort utkastet', { id: 'console.survey.confirm-delete-yes' }),
        ];
      case 'send':
        return s.audience === 'open'
          ? [
              msg('Vill du öppna enkäten? Alla kan svara där den visas, och den går inte att stänga och öppna igen.', { id: 'console.survey.confirm-open' }),
              msg('Ja, öppna enkäten', { id: 'console.survey.confirm-open-yes' }),
            ]
          : [
              members === undefined
                ? msg('Vill du skicka enkäten till panelen? Varje medlem får en personlig länk med e-post. Det går inte att ångra.', {
                    id: 'console.survey.confirm-send',
                  })
                : msg(str`Vill du skicka enkäten till panelens ${members} medlemmar? Varje medlem får en personlig länk med e-post. Det går inte att ångra.`, {
                    id: 'console.survey.confirm-send-n',
                  }),
              msg('Ja, skicka enkäten', { id: 'console.survey.confirm-send-yes' }),
            ];
      case 'remind':
        return [
          msg('Vill du skicka en påminnelse till dem som inte har skickat in sina svar?', { id: 'console.survey.confirm-remind' }),
          msg('Ja, skicka påminnelsen', { id: 'console.survey.confirm-remind-yes' }),
        ];
      case 'close':
        return [
          msg('Vill du stänga enkäten? Inga fler svar tas emot, och den går inte att öppna igen.', { id: 'console.survey.confirm-close' }),
          msg('Ja, stäng enkäten', { id: 'console.survey.confirm-close-yes' }),
        ];
      case 'feedback':
        return [
          msg('Vill du skicka återkopplingen? Alla som fick enkäten och fortfarande är med i panelen får den med e-post. Den går inte att ändra efteråt.', {
            id: 'console.survey.confirm-feedback',
          }),
          msg('Ja, skicka återkopplingen', { id: 'console.survey.confirm-feedback-yes' }),
        ];
      case 'decision':
        return [
          msg('Vill du skicka beslutet? Samma personer som fick återkopplingen får det med e-post. Det går inte att ändra efteråt.', {
            id: 'console.survey.confirm-decision',
          }),
          msg('Ja, skicka beslutet', { id: 'console.survey.confirm-decision-yes' }),
        ];
    }
  }

  /** The steps, each with its date once taken; the next one is marked as current. */
  protected renderTimeline(s: StaffSurvey): TemplateResult {
    const open = s.audience === 'open';
    const steps: { key: string; what: string; at: string | null; who?: string | null }[] = [
      { key: 'created', what: msg('Skapad', { id: 'console.budget.created-at' }), at: s.createdAt },
      {
        key: 'approved',
        what: s.approvedBy ? msg(str`Godkänd av ${s.approvedBy}`, { id: 'console.survey.approved-by' }) : msg('Godkänd', { id: 'console.survey.step-approved' }),
        at: s.approvedAt,
      },
      {
        key: 'sent',
        what: open ? msg('Öppnad för alla', { id: 'console.survey.step-opened' }) : msg('Skickad till panelen', { id: 'console.survey-step.sent' }),
        at: s.sentAt,
      },
    ];
    if (!open) steps.push({ key: 'reminded', what: msg('Påminnelse skickad', { id: 'console.survey.step-reminded' }), at: s.remindedAt });
    steps.push(
      { key: 'closed', what: msg('Stängd', { id: 'console.survey-step.closed' }), at: s.closedAt },
      { key: 'feedback', what: msg('Återkoppling skickad', { id: 'console.survey.step-feedback' }), at: s.feedbackSentAt },
      { key: 'decision', what: msg('Beslut skickat', { id: 'console.survey.step-decision' }), at: s.decisionSentAt },
    );
    // A reminder is optional: once closed, the next step is not the reminder never sent.
    const next = steps.find((x) => !x.at && !(x.key === 'reminded' && (s.closedAt || s.status !== 'sent')));
    return html`<ol class="timeline" aria-labelledby="timeline-heading">
      ${steps.map((x) => {
        const current = x === next;
        return html`<li class=${x.at ? 'done' : ''} data-step=${x.key} aria-current=${current ? 'step' : nothing}>
          <span class="mark" aria-hidden="true"></span>
          <span class="what">${x.what}</span>
          ${x.at
            ? html`<time datetime=${x.at}>${dateTime(x.at, this.locale)}</time>`
            : html`<span class="muted"
                >${current
                  ? msg('Nästa steg', { id: 'console.survey.next-step' })
                  : x.key === 'reminded' && s.closedAt
                    ? msg('Ingen påminnelse skickades', { id: 'console.survey.no-reminder' })
                    : msg('Inte än', { id: 'console.survey.not-yet' })}</span
              >`}
        </li>`;
      })}
    </ol>`;
  }

  /** Whether the signed-in user wrote the survey (and so may not approve it). */
  protected ownSurvey(s: StaffSurvey): boolean {
    return s.createdBy !== null && s.createdBy === this.staffId;
  }

  protected renderActions(s: StaffSurvey): TemplateResult | typeof nothing {
    const button = (step: Step, label: string, cls = '') => this.lifecycle.button(step, label, cls);
    let buttons: TemplateResult[] = [];
    let notice = '';
    switch (s.status) {
      case 'draft':
        if (this.ownSurvey(s)) {
          notice = msg('Du har skrivit enkäten, så någon annan godkänner den: två personer har sett den innan den når invånarna.', { id: 'console.survey.own-notice' });
          buttons = [button('delete', msg('Ta bort utkastet', { id: 'console.survey.delete' }), 'danger')];
          break;
        }
        notice = msg('Enkäten är ett utkast. När den är klar godkänner någon den; sedan kan den skickas.', { id: 'console.survey.draft-notice' });
        buttons = [button('approve', msg('Godkänn', { id: 'console.survey.approve' }), 'primary'), button('delete', msg('Ta bort utkastet', { id: 'console.survey.delete' }), 'danger')];
        break;
      case 'approved':
        notice =
          s.audience === 'open'
            ? msg('Enkäten är godkänd. Öppna den, så kan alla svara där den visas.', { id: 'console.survey.approved-notice-open' })
            : msg('Enkäten är godkänd. Skicka den till panelen: varje medlem får en personlig länk.', { id: 'console.survey.approved-notice' });
        buttons = [
          s.audience === 'open'
            ? button('send', msg('Öppna', { id: 'console.survey.open' }), 'primary')
            : button('send', msg('Skicka till panelen', { id: 'console.survey.send' }), 'primary'),
        ];
        break;
      case 'sent':
        notice = msg('Panelens medlemmar kan svara. Påminn dem som inte har svarat, och stäng enkäten när tiden är ute.', { id: 'console.survey.sent-notice' });
        buttons = [button('remind', msg('Skicka påminnelse', { id: 'console.survey.remind' })), button('close', msg('Stäng', { id: 'console.survey.close' }), 'danger')];
        break;
      case 'open':
        notice = msg('Alla kan svara där enkäten visas. Stäng den när tiden är ute.', { id: 'console.survey.open-notice' });
        buttons = [button('close', msg('Stäng', { id: 'console.survey.close' }), 'danger')];
        break;
      case 'closed':
        notice = s.decisionSentAt
          ? msg('Klart: panelen har fått både återkopplingen och beslutet.', { id: 'console.survey.done-notice' })
          : s.feedbackSentAt
            ? msg('Skriv vad som beslutades, när beslutet är fattat, och skicka det till panelen.', { id: 'console.survey.decision-notice' })
            : msg('Enkäten är stängd. Se resultatet, och skriv sedan en återkoppling till panelen om vad svaren visade och hur de används.', {
                id: 'console.survey.closed-notice',
              });
        break;
    }
    return this.lifecycle.renderNext(notice, buttons, ['approve', 'delete', 'send', 'remind', 'close']);
  }

  protected textarea(field: string, label: string, value: string, set: (v: string) => void, lang?: string): TemplateResult {
    return textField(field, label, value, this.sendErrors[field], set, { multiline: true, rows: 5, ...(lang ? { lang } : {}) });
  }

  protected async onSendSubmit(event: SubmitEvent, step: 'feedback' | 'decision') {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (step === 'decision' && !this.committee.trim()) errors.committee = required;
    if (!(step === 'feedback' ? this.feedbackSv : this.decisionSv).trim()) errors['text.sv'] = required;
    this.sendErrors = errors;
    this.sendGeneral = [];
    if (Object.keys(errors).length) return focusSummary(this, 'send-errors');
    await this.lifecycle.ask(step);
  }

  protected renderSendForm(s: StaffSurvey, step: 'feedback' | 'decision'): TemplateResult {
    const feedback = step === 'feedback';
    const fields: Field[] = [
      ...(feedback ? [] : [{ name: 'committee', id: fieldIdOf('committee'), label: msg('Vem som beslutade', { id: 'console.survey.committee' }) }]),
      { name: 'text.sv', id: fieldIdOf('text.sv'), label: feedback ? msg('Återkopplingen på svenska', { id: 'console.survey.feedback-sv' }) : msg('Beslutet på svenska', { id: 'console.survey.decision-sv' }) },
      {
        name: 'text.en',
        id: fieldIdOf('text.en'),
        label: feedback ? msg('Återkopplingen på engelska (valfri)', { id: 'console.survey.feedback-en' }) : msg('Beslutet på engelska (valfritt)', { id: 'console.survey.decision-en' }),
      },
    ];
    const summary = Object.fromEntries(Object.entries(this.sendErrors).map(([k, v]) => [k, pollIssueText(v)]));
    const [sv, en] = feedback ? [this.feedbackSv, this.feedbackEn] : [this.decisionSv, this.decisionEn];
    const heading = feedback ? msg('Återkoppling till panelen', { id: 'console.survey.feedback' }) : msg('Beslut', { id: 'console.survey.decision' });
    return html`<h2 id="send-heading">${heading}</h2>
      <p>
        ${feedback
          ? msg('Berätta för dem som fick enkäten vad svaren visade och hur kommunen använder dem.', { id: 'console.survey.feedback-intro' })
          : msg('Berätta vad som beslutades och av vem. Det skickas till samma personer som fick återkopplingen.', { id: 'console.survey.decision-intro' })}
      </p>
      ${errorSummary('send-errors', summary, this.sendGeneral, fields, () => this.renderRoot as ShadowRoot)}
      <form novalidate aria-labelledby="send-heading" @submit=${(e: SubmitEvent) => void this.onSendSubmit(e, step)}>
        ${feedback
          ? nothing
          : textField('committee', fields[0]!.label, this.committee, this.sendErrors.committee, (v) => (this.committee = v), {
              hint: msg('Till exempel Kommunstyrelsen eller Tekniska nämnden.', { id: 'console.survey.committee-hint' }),
            })}
        ${this.textarea('text.sv', fields[feedback ? 0 : 1]!.label, sv, (v) => (feedback ? (this.feedbackSv = v) : (this.decisionSv = v)))}
        ${this.textarea('text.en', fields[feedback ? 1 : 2]!.label, en, (v) => (feedback ? (this.feedbackEn = v) : (this.decisionEn = v)), 'en')}
        ${this.lifecycle.renderAsking(
        html`<div class="actions">
            <button type="submit" class="primary" id="${step}-submit">
              ${feedback ? msg('Skicka återkopplingen', { id: 'console.survey.send-feedback' }) : msg('Skicka beslutet', { id: 'console.survey.send-decision' })}
            </button>
          </div>`,
          [step],
        )}
      </form>`;
  }
}
