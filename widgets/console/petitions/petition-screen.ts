import { msg, str } from '../../shared/localize.js';
import { states } from '../../shared/base-element.js';
import { StaffApiError, staffApi, type AnswerPreview, type SimilarPetition, type StaffPetition } from '../kit/api.js';
import { atLeast, errorsFrom, formValues, required, type FieldErrors } from '../kit/forms.js';
import { ManyFormsScreen } from '../kit/screen-form.js';
import { Loaded } from '../kit/list.js';
import { ConsoleScreen } from '../kit/screen.js';
import { petitionStyles } from './petition.styles.js';

/** The forms of this screen; a failed request's errors belong to one of them. */
export type FormName = 'correct' | 'reject' | 'answer' | 'correct-answer' | 'actions';

export interface Field {
  name: string;
  id: string;
  label: string;
}

/** Client-side limits, the server's own (server/petitions/staff-routes.ts). */
export const limits = { title: 5, body: 20, reason: 10, answer: 10, committee: 2 } as const;

/** What the petition screen does: the petition, and each of its forms sent with its errors shown where they belong. */
export abstract class PetitionScreen extends ManyFormsScreen<FormName> {
  static override styles = [...ConsoleScreen.styles, petitionStyles];

  static override properties = {
    ...ManyFormsScreen.properties,
    /** The petition's number, from the hash. */
    petitionId: { attribute: 'petition-id' },
    ...states('petition', 'similar', 'rejecting', 'preview', 'done'),
  };

  declare petitionId: string;
  declare protected petition?: StaffPetition;
  declare protected similar: SimilarPetition[];
  /** The reject step is open: a reason is asked for before anything is sent. */
  declare protected rejecting: boolean;
  /** The answer being asked about, with the mails it would send; set while the question is shown. */
  declare protected preview?: { answer: string; committee: string; mails: AnswerPreview };
  /** What the last step did, shown until the next one. */
  declare protected done?: string;

  constructor() {
    super();
    this.petitionId = '';
    this.similar = [];
    this.rejecting = false;
  }

  /** The petition and the public ones like it; loaded again (keeping them shown) when someone else moved it. */
  protected loaded = new Loaded(this, async () => {
    const { petition, similar } = await staffApi.petition(this.number);
    this.petition = petition;
    this.similar = similar;
    return petition;
  });

  protected get number(): number {
    return /^[1-9][0-9]{0,9}$/.test(this.petitionId) ? Number(this.petitionId) : 0;
  }

  protected get correctFields(): Field[] {
    return [
      { name: 'title', id: 'correct-title', label: msg('Titel', { id: 'console.petitions.title' }) },
      { name: 'body', id: 'correct-body', label: msg('Text', { id: 'console.petitions.body' }) },
    ];
  }

  protected get reasonField(): Field {
    return { name: 'reason', id: 'reject-reason', label: msg('Varför avvisas förslaget?', { id: 'console.petitions.reason' }) };
  }

  protected get answerField(): Field {
    return { name: 'answer', id: 'answer-text', label: msg('Kommunens svar', { id: 'console.petitions.answer' }) };
  }

  protected get committeeField(): Field {
    return { name: 'committee', id: 'answer-committee', label: msg('Nämnd som har beslutat', { id: 'console.petitions.committee' }) };
  }

  protected get correctAnswerFields(): [Field, Field] {
    return [
      { ...this.answerField, id: 'correct-answer-text' },
      { ...this.committeeField, id: 'correct-answer-committee' },
    ];
  }

  protected summaryOf(form: FormName): string {
    return `${form}-errors`;
  }

  /** Runs one request for a form; on failure its problems go beside the fields and into the summary. */
  protected async send(form: FormName, fields: readonly string[], action: () => Promise<StaffPetition>, done: (p: StaffPetition) => string) {
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
        await this.loaded.load({ keep: true });
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

  protected async onCorrect(event: SubmitEvent) {
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

  /** A step with no form of its own (approve, close): its problems show with the actions. */
  private async step(request: (id: number) => Promise<{ petition: StaffPetition }>, done: () => string) {
    const petition = this.petition!;
    await this.send('actions', [], async () => (await request(petition.id)).petition, done);
  }

  protected async onApprove() {
    await this.step(staffApi.approvePetition, () => msg('Förslaget är publicerat och förslagsställaren har fått e-post.', { id: 'console.petitions.approved' }));
  }

  protected async onClose() {
    await this.step(staffApi.closePetition, () => msg('Förslaget är stängt för underskrifter.', { id: 'console.petitions.closed' }));
  }

  protected async startReject() {
    this.clearErrors();
    this.rejecting = true;
    await this.focusOn(`#${this.reasonField.id}`);
  }

  protected async cancelReject() {
    this.clearErrors();
    this.rejecting = false;
    await this.focusOn('#reject');
  }

  protected async onReject(event: SubmitEvent) {
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
  protected answerErrors(fields: [Field, Field], answer: string, committee: string): FieldErrors {
    const errors: FieldErrors = {};
    if (answer.length < limits.answer) errors[fields[0].name] = answer ? atLeast(limits.answer) : required;
    if (committee.length < limits.committee) errors[fields[1].name] = committee ? atLeast(limits.committee) : required;
    return errors;
  }

  /** First step of answering: the mails the answer would send are fetched and shown with a question. */
  protected async onAnswer(event: SubmitEvent) {
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
  protected async onConfirmAnswer() {
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

  protected async cancelAnswer() {
    this.preview = undefined;
    await this.focusOn('#answer-submit');
  }

  /** A change to the fields after the question was shown makes the shown mails wrong: ask again. */
  protected onAnswerInput() {
    if (this.preview) this.preview = undefined;
  }

  protected async onCorrectAnswer(event: SubmitEvent) {
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
}
