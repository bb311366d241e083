import { html, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { StaffApiError } from '../kit/api.js';
import { problemText } from '../kit/forms.js';
import { pollApi, pollOptionLimits } from './poll-api.js';
import { checkPollDraft, newOption, pollFieldOfIssue, pollInputOf, type OptionDraft, type PollDraft } from './poll-draft.js';
import { fieldIdOf, pollIssueText, renderEntryActions } from '../kit/fields.js';
import { PollScreen } from './poll-screen.js';

/** The poll's form: its question and options, and saving it. */
export abstract class PollForm extends PollScreen {
  protected async addOption() {
    const d = this.draft!;
    if (d.options.length >= pollOptionLimits.max) return;
    const option = newOption();
    this.dropErrors('options');
    const said = () => msg(str`${this.optionName(option)} har lagts till.`, { id: 'console.poll.option-added' });
    await this.addEntry(d, 'options', option, said, `#${fieldIdOf(`o${option.key}.sv`)}`);
  }

  protected async removeOption(option: OptionDraft) {
    const d = this.draft!;
    const name = this.optionName(option);
    await this.removeEntry(d, 'options', option, {
      errors: `o${option.key}.`,
      said: () => msg(str`${name} har tagits bort.`, { id: 'console.poll.option-removed' }),
      focus: (next) => `#option-${next.key}-heading`,
      otherwise: '#add-option',
    });
  }

  protected async moveOption(option: OptionDraft, by: -1 | 1, action: 'up' | 'down') {
    const d = this.draft!;
    await this.moveEntry(d, 'options', option, by, action, `[data-option-key="${option.key}"]`, () =>
      msg(str`${this.optionName(option)} är nu på plats ${d.options.indexOf(option) + 1} av ${d.options.length}.`, { id: 'console.poll.option-moved' }),
    );
  }

  protected onSubmit(event: SubmitEvent) {
    return this.save(event, {
      summary: 'poll-errors',
      check: checkPollDraft,
      snapshot: (draft) => ({ ...draft, options: [...draft.options] }),
      send: async (draft) => {
        if (this.creating) {
          const { poll } = await pollApi.create(pollInputOf(draft));
          return this.created(() => msg('Snabbfrågan är sparad som utkast.', { id: 'console.poll.created' }), `#/polls/${poll.id}`);
        }
        const { poll } = await pollApi.update(this.number, pollInputOf(draft));
        this.show(poll);
        this.say(() => msg('Snabbfrågan är sparad.', { id: 'console.poll.saved' }));
      },
      fieldOf: pollFieldOfIssue,
      refused: (err) => (err instanceof StaffApiError && err.code === 'poll_not_draft' ? 'poll_not_draft' : undefined),
      unplaced: (_, path, message) => (path && path !== '(body)' ? `${path}: ${pollIssueText(message)}` : message),
      failed: (err) => err,
    });
  }

  protected generalText(problem: unknown): string {
    if (problem === 'poll_not_draft') {
      return msg('Frågan går inte att ändra längre: den har öppnats. Ladda om sidan för att se den som den är sparad.', { id: 'console.poll.not-draft' });
    }
    return typeof problem === 'string' ? pollIssueText(problem) : problemText(problem);
  }

  protected renderOption(d: PollDraft, option: OptionDraft, i: number): TemplateResult {
    const l = this.labels;
    const p = `o${option.key}`;
    const name = this.optionName(option);
    const named = html`<span class="visually-hidden">${name}</span>`;
    return html`<li class="option" data-option-key=${option.key}>
      <div role="group" aria-labelledby="option-${option.key}-heading">
        <h4 id="option-${option.key}-heading" tabindex="-1">${name}</h4>
        ${this.pair(p, [l.optionSv, l.optionEn], option, ['sv', 'en'])}
        ${renderEntryActions({
          index: i,
          count: d.options.length,
          named,
          move: (by, action) => void this.moveOption(option, by, action),
          remove: () => void this.removeOption(option),
          removable: d.options.length > pollOptionLimits.min,
        })}
      </div>
    </li>`;
  }

  protected renderForm(d: PollDraft): TemplateResult {
    const l = this.labels;
    const e = this.errors;
    const title = this.creating ? msg('Frågan', { id: 'console.poll.form-new' }) : msg('Ändra frågan', { id: 'console.poll.form-edit' });
    return this.renderDraftForm(
      { title, summary: 'poll-errors', save: ['save-poll', msg('Spara som utkast', { id: 'console.poll.create' })] },
      html`
        <fieldset>
          <legend>${msg('Frågan', { id: 'console.poll.form-new' })}</legend>
          ${this.field('question.sv', l.questionSv, d.questionSv, (v) => (d.questionSv = v), {
            hint: msg('Kort och tydlig, till exempel: Vilken dag passar bäst för nästa möte?', { id: 'console.poll.question-hint' }),
          })}
          ${this.field('question.en', l.questionEn, d.questionEn, (v) => (d.questionEn = v), { lang: 'en' })}
        </fieldset>
        ${this.radios(
          'kind',
          l.kind,
          d.kind,
          [
            ['single', msg('Ett svar: invånaren väljer ett av alternativen', { id: 'console.poll.kind-single' })],
            ['multiple', msg('Flera svar: invånaren väljer ett eller flera alternativ', { id: 'console.poll.kind-multiple' })],
            ['scale', msg('Skala: invånaren väljer ett tal från 1 till 5', { id: 'console.poll.kind-scale' })],
          ],
          (v) => (d.kind = v),
        )}
        ${d.kind === 'scale'
          ? html`<fieldset aria-describedby="scale-hint">
              <legend>${msg('Texter vid skalans ändar (valfria)', { id: 'console.poll.scale-labels' })}</legend>
              <p class="hint" id="scale-hint">
                ${msg('Till exempel ”Inte alls” vid 1 och ”Mycket” vid 5. Skriv båda eller ingen.', { id: 'console.poll.scale-hint' })}
              </p>
              ${this.pair('scaleLabels.low', [l.lowSv, l.lowEn], d, ['lowSv', 'lowEn'])}
              ${this.pair('scaleLabels.high', [l.highSv, l.highEn], d, ['highSv', 'highEn'])}
            </fieldset>`
          : html`<h3 id="options-heading">${l.options}</h3>
              <p class="hint" id="options-hint">
                ${msg('Två till tio alternativ, i den ordning invånarna ser dem.', { id: 'console.poll.options-hint' })}
              </p>
              ${this.renderEntries(d.options, (o, i) => this.renderOption(d, o, i), {
                cls: 'options-list',
                labelledBy: 'options-heading',
                problem: ['add-option', 'options'],
              })}
              ${this.addButton('add-option', msg('Lägg till ett alternativ', { id: 'console.poll.add-option' }), () => void this.addOption(), {
                disabled: d.options.length >= pollOptionLimits.max,
                describedBy: e.options ? 'add-option-error' : 'options-hint',
              })}`}
      `,
    );
  }
}
