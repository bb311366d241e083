import { html, nothing, type TemplateResult } from 'lit';
import { msg, renderIn, str } from '../../shared/localize.js';
import { chatApi, maxMessageLength, type CannedAnswer } from './chat-api.js';
import { chatStyles } from './chat.styles.js';
import { describedBy, errorsFrom, errorSummary, fieldError, formValues, problemText, required, type FieldErrors } from '../kit/forms.js';
import { states } from '../../shared/base-element.js';
import { inputField } from '../kit/screen-fields.js';
import { ManyFormsScreen } from '../kit/screen-form.js';
import { Loaded } from '../kit/list.js';
import { ConsoleScreen } from '../kit/screen.js';

/** The form the current errors belong to: a new answer, or the answer being changed. */
type FormKey = 'new' | number;

/**
 * Canned answers (svarsmallar) for the chat: every agent's shared list of ready texts, to add,
 * change and remove. In a conversation an agent puts one into the reply box and sends it
 * themselves.
 */
export class MedverkaConsoleChatAnswers extends ManyFormsScreen<FormKey> {
  static override heading = () => msg('Svarsmallar', { id: 'console.chat.answers' });
  static override intro = () => msg('Färdiga svar som handläggarna kan lägga in i ett chattsvar, ändra och skicka. Alla handläggare delar samma mallar.', { id: 'console.chat.answers-intro' });
  static override styles = [...ConsoleScreen.styles, chatStyles];

  static override properties = {
    ...ManyFormsScreen.properties,
    ...states('editing', 'deleting'),
  };

  /** The answer whose form is open in the list. */
  declare private editing?: number;
  /** The answer whose removal is being confirmed. */
  declare private deleting?: number;

  #answers = new Loaded(this, async () => (await chatApi.answers()).answers);

  private words(words: () => string): string {
    return renderIn(this.locale, MedverkaConsoleChatAnswers.translations, words);
  }

  private fieldsOf(key: FormKey) {
    const id = (name: string) => `${name}-${key}`;
    return [
      { name: 'title', id: id('title'), label: msg('Rubrik', { id: 'console.chat.answer-title' }) },
      { name: 'body', id: id('body'), label: msg('Text', { id: 'console.chat.answer-body' }) },
    ];
  }

  protected summaryOf(key: FormKey): string {
    return `errors-${key}`;
  }

  private async onSave(event: SubmitEvent, key: FormKey) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const { title = '', body = '' } = formValues(form);
    const errors: FieldErrors = {};
    if (!title) errors.title = required;
    else if (title.length > 100) errors.title = 'must be at most 100 characters';
    if (!body) errors.body = required;
    else if (body.length > maxMessageLength) errors.body = `must be at most ${maxMessageLength} characters`;
    if (Object.keys(errors).length) return this.showErrors(key, errors);
    if (this.busy) return;
    this.busy = true;
    try {
      if (key === 'new') {
        const { answer } = await chatApi.createAnswer({ title, body });
        this.#answers.set([...(this.#answers.value ?? []), answer]);
        form.reset();
        this.clearErrors();
        this.announce(this.words(() => msg(str`Svarsmallen ”${title}” är tillagd.`, { id: 'console.chat.answer-added' })));
        await this.focusOn(`#answer-${answer.id} h3`);
      } else {
        const { answer } = await chatApi.updateAnswer(key, { title, body });
        this.#answers.set((this.#answers.value ?? []).map((a) => (a.id === key ? answer : a)));
        this.editing = undefined;
        this.clearErrors();
        this.announce(this.words(() => msg(str`Svarsmallen ”${title}” är sparad.`, { id: 'console.chat.answer-saved' })));
        await this.focusOn(`#edit-${key}`);
      }
    } catch (err) {
      const { fields, general } = renderIn(this.locale, MedverkaConsoleChatAnswers.translations, () => errorsFrom(err, ['title', 'body']));
      await this.showErrors(key, fields, general);
    } finally {
      this.busy = false;
    }
  }

  private async startEdit(id: number) {
    this.clearErrors();
    this.deleting = undefined;
    this.editing = id;
    await this.focusOn(`#title-${id}`);
  }

  private async cancelEdit(id: number) {
    this.clearErrors();
    this.editing = undefined;
    await this.focusOn(`#edit-${id}`);
  }

  private async startDelete(id: number) {
    this.clearErrors();
    this.editing = undefined;
    this.deleting = id;
    await this.focusOn(`#confirm-delete-${id}`);
  }

  private async cancelDelete(id: number) {
    this.deleting = undefined;
    this.clearErrors();
    await this.focusOn(`#delete-${id}`);
  }

  private async onDelete(answer: CannedAnswer) {
    if (this.busy) return;
    this.busy = true;
    try {
      await chatApi.deleteAnswer(answer.id);
      this.#answers.set((this.#answers.value ?? []).filter((a) => a.id !== answer.id));
      this.deleting = undefined;
      this.clearErrors();
      this.announce(this.words(() => msg(str`Svarsmallen ”${answer.title}” är borttagen.`, { id: 'console.chat.answer-deleted' })));
      await this.focusOn('h1');
    } catch (err) {
      await this.showErrors(answer.id, {}, [this.words(() => problemText(err))]);
    } finally {
      this.busy = false;
    }
  }

  private renderForm(key: FormKey, answer?: CannedAnswer): TemplateResult {
    const fields = this.fieldsOf(key);
    const [title, body] = fields as [(typeof fields)[0], (typeof fields)[0]];
    const mine = this.errorsFor === key;
    const error = (name: string) => (mine ? this.errors[name] : undefined);
    const busy = this.busy ? 'true' : 'false';
    return html`<form novalidate aria-label=${key === 'new' ? msg('Ny svarsmall', { id: 'console.chat.new-answer' }) : msg(str`Ändra ${answer!.title}`, { id: 'console.chat.edit-answer-label' })} @submit=${(e: SubmitEvent) => this.onSave(e, key)}>
      ${mine ? errorSummary(`errors-${key}`, this.errors, this.general, fields, () => this.renderRoot as ShadowRoot) : nothing}
      ${inputField(title, error('title'), {
        maxlength: 100,
        value: answer?.title ?? '',
        hint: msg('Visas bara för handläggarna, i listan att välja från.', { id: 'console.chat.answer-title-hint' }),
      })}
      <div class="field">
        <label for=${body.id}>${body.label}</label>
        <p class="hint" id="${body.id}-hint">${msg('Det som läggs in i svarsrutan. Handläggaren kan ändra det innan det skickas.', { id: 'console.chat.answer-body-hint' })}</p>
        ${fieldError(body.id, error('body'))}
        <textarea
          id=${body.id}
          name="body"
          maxlength=${maxMessageLength}
          .value=${answer?.body ?? ''}
          aria-invalid=${error('body') ? 'true' : 'false'}
          aria-describedby=${describedBy(`${body.id}-hint`, error('body') && `${body.id}-error`)}
        ></textarea>
      </div>
      <div class="actions">
        ${key === 'new'
          ? html`<button class="primary" type="submit" aria-disabled=${busy}>${msg('Lägg till svarsmallen', { id: 'console.chat.add-answer' })}</button>`
          : html`<button class="primary" type="submit" aria-disabled=${busy}>${msg('Spara', { id: 'console.chat.save-answer' })}</button>
              <button type="button" @click=${() => this.cancelEdit(key)}>${msg('Avbryt', { id: 'console.cancel' })}</button>`}
      </div>
    </form>`;
  }

  private renderAnswer(a: CannedAnswer): TemplateResult {
    if (this.editing === a.id) {
      return html`<li id="answer-${a.id}">${this.renderForm(a.id, a)}</li>`;
    }
    const general = this.errorsFor === a.id ? errorSummary(`errors-${a.id}`, {}, this.general, [], () => this.renderRoot as ShadowRoot) : nothing;
    return html`<li id="answer-${a.id}">
      <h3 tabindex="-1">${a.title}</h3>
      <p class="body">${a.body}</p>
      ${general}
      ${this.deleting === a.id
        ? html`<div class="confirm danger" role="group" aria-labelledby="confirm-delete-${a.id}">
            <p id="confirm-delete-${a.id}" tabindex="-1">
              ${msg(str`Ta bort svarsmallen ”${a.title}”? Det går inte att ångra.`, { id: 'console.chat.confirm-delete' })}
            </p>
            <div class="actions">
              <button class="danger primary" type="button" @click=${() => this.onDelete(a)}>${msg('Ta bort', { id: 'console.chat.delete-answer' })}</button>
              <button type="button" @click=${() => this.cancelDelete(a.id)}>${msg('Avbryt', { id: 'console.cancel' })}</button>
            </div>
          </div>`
        : html`<div class="actions">
            <button type="button" id="edit-${a.id}" aria-label=${msg(str`Ändra ${a.title}`, { id: 'console.chat.edit-answer-label' })} @click=${() => this.startEdit(a.id)}>
              ${msg('Ändra', { id: 'console.chat.edit-answer' })}
            </button>
            <button
              type="button"
              class="danger"
              id="delete-${a.id}"
              aria-label=${msg(str`Ta bort ${a.title}`, { id: 'console.chat.delete-answer-label' })}
              @click=${() => this.startDelete(a.id)}
            >
              ${msg('Ta bort', { id: 'console.chat.delete-answer' })}
            </button>
          </div>`}
    </li>`;
  }

  private renderList(answers: CannedAnswer[]): TemplateResult {
    if (answers.length === 0) return html`<p class="none">${msg('Det finns inga svarsmallar än.', { id: 'console.chat.no-answers' })}</p>`;
    return html`<ul class="answers">
      ${answers.map((a) => this.renderAnswer(a))}
    </ul>`;
  }

  protected override render(): TemplateResult {
    return html`<p><a href="#/chat">${msg('Till inkorgen', { id: 'console.chat.back' })}</a></p>
      ${this.renderHeading()}
      <h2>${msg('Alla svarsmallar', { id: 'console.chat.all-answers' })}</h2>
      ${this.#answers.render((answers) => this.renderList(answers))}
      <h2>${msg('Ny svarsmall', { id: 'console.chat.new-answer' })}</h2>
      ${this.renderForm('new')}`;
  }
}
