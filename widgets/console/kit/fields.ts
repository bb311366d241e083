/**
 * Pieces the budget, poll and survey screens share: a labelled text field with its hint and
 * error, the results as a table with a bar beside each figure, the confirmation of a step, and
 * the words for the APIs' problems with a field.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { msg, str } from '../../shared/localize.js';
import { describedBy, fieldError, issueText, required } from './forms.js';
import { groupDigits } from './labels.js';

export interface TextFieldOptions {
  hint?: string;
  multiline?: boolean;
  rows?: number;
  lang?: string;
  /** The control's id, when not the one its path gives (see fieldIdOf). */
  id?: string;
  readonly?: boolean;
  /** The input's type, when not "text" (url, datetime-local …). */
  type?: string;
  spellcheck?: false;
  inputmode?: string;
  /** Called with the value once the field is left (a change event). */
  change?: (value: string) => void;
  /** The words for a raw problem (the poll and survey APIs' words when not given). */
  issue?: (message: string) => string;
}

/** A field's element id from its path in the form: 'o3.sv' → 'f-o3-sv'. */
export const fieldIdOf = (path: string) => `f-${path.replace(/[.]/g, '-')}`;

/** A text field with its label, hint and error (the error already in words, or a raw server phrase). */
export function textField(
  path: string,
  label: string,
  value: string,
  error: string | undefined,
  set: (value: string) => void,
  o: TextFieldOptions = {},
): TemplateResult {
  const id = o.id ?? fieldIdOf(path);
  const hintId = o.hint ? `${id}-hint` : undefined;
  const invalid = error ? 'true' : 'false';
  const described = describedBy(hintId, error && `${id}-error`);
  const valueOf = (e: Event) => (e.target as HTMLInputElement | HTMLTextAreaElement).value;
  const onInput = (e: Event) => set(valueOf(e));
  const change = o.change;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${o.hint ? html`<p class="hint" id=${hintId!}>${o.hint}</p>` : nothing} ${fieldError(id, error && (o.issue ?? pollIssueText)(error))}
    ${o.multiline
      ? html`<textarea
          id=${id}
          rows=${o.rows ?? 4}
          lang=${o.lang ?? nothing}
          .value=${value}
          ?readonly=${o.readonly}
          aria-invalid=${invalid}
          aria-describedby=${described}
          @input=${onInput}
        ></textarea>`
      : html`<input
          id=${id}
          type=${o.type ?? 'text'}
          inputmode=${o.inputmode ?? nothing}
          autocomplete="off"
          spellcheck=${o.spellcheck ?? nothing}
          lang=${o.lang ?? nothing}
          .value=${value}
          ?readonly=${o.readonly}
          aria-invalid=${invalid}
          aria-describedby=${described}
          @input=${onInput}
          @change=${change ? (e: Event) => change(valueOf(e)) : nothing}
        />`}
  </div>`;
}

/** Client-side problems, in the same raw form as the server's (put into words when rendered). */
export const tooFewOptions = 'too few options';
export const tooManyOptions = 'too many options';
export const bothEnds = 'both ends';

/** A problem with a poll or survey field, in the language being rendered. */
export function pollIssueText(message: string): string {
  if (message === 'must not be empty') return issueText(required);
  if (message === tooFewOptions || message === 'needs 2–10 options' || /^Too small: expected array to have >=\d+ items?$/.test(message)) {
    return msg('Skriv minst två svarsalternativ.', { id: 'console.poll.issue.too-few' });
  }
  if (message === tooManyOptions || /^Too big: expected array to have <=\d+ items?$/.test(message)) {
    return msg('Det blev för många svarsalternativ. Ta bort något.', { id: 'console.poll.issue.too-many' });
  }
  if (message === bothEnds) {
    return msg('Skriv en text för båda ändarna av skalan, eller ingen av dem.', { id: 'console.poll.issue.both-ends' });
  }
  if (/^must be a-z0-9|^must be lower-case/.test(message)) {
    return msg('Använd små bokstäver a–z, siffror och bindestreck.', { id: 'console.survey.issue.question-id' });
  }
  if (/unique|duplicate/i.test(message)) return msg('Det här finns redan. Skriv något annat.', { id: 'console.survey.issue.unique' });
  return fieldIssueText(message);
}

/** The schemas' own problems with a number, a text or a time, in words; else the console's shared ones. */
export function fieldIssueText(message: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^Too big: expected number to be <=(\d+)$/.exec(message))) {
    const most = groupDigits(Number(m[1]));
    return msg(str`Skriv högst ${most}.`, { id: 'console.budget.issue.at-most' });
  }
  if ((m = /^Too small: expected number to be >=(\d+)$/.exec(message))) {
    const least = groupDigits(Number(m[1]));
    return msg(str`Skriv minst ${least}.`, { id: 'console.budget.issue.at-least' });
  }
  if (/^Too small: expected string to have >=1 characters?$/.test(message)) return issueText(required);
  if ((m = /^Too big: expected string to have <=(\d+) characters$/.exec(message))) return issueText(`must be at most ${m[1]} characters`);
  if (/datetime/i.test(message)) {
    return msg('Skriv datum och klockslag, till exempel 2027-03-31 23:59.', { id: 'console.budget.issue.datetime' });
  }
  return issueText(message);
}

/** Sets an element's width in per cent, through the CSS object model. */
const widthOf = (percent: number) => (el: Element | undefined) => {
  if (el instanceof HTMLElement) el.style.width = `${percent}%`;
};

/** One row of a results table: a choice and how many chose it. */
export interface ResultRow {
  key: string;
  label: string;
  lang?: string;
  count: number;
}

/** A share of the answers, for reading: "42 %" in Swedish, "42%" in English. */
export function share(count: number, total: number, locale: string): string {
  const ratio = total > 0 ? count / total : 0;
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/**
 * A table in a region that takes focus: too wide for a phone, it scrolls sideways, by keyboard
 * too. The region is named by the table's caption (its id is `captionId`); `head` is the row of
 * column headings.
 */
export function regionTable(
  captionId: string,
  caption: unknown,
  head: unknown,
  body: unknown,
  o: { id?: string; cls?: string; foot?: TemplateResult } = {},
): TemplateResult {
  return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby=${captionId}>
    <table class=${o.cls ?? nothing} id=${o.id ?? nothing}>
      <caption id=${captionId}>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${head}
        </tr>
      </thead>
      <tbody>
        ${body}
      </tbody>
      ${o.foot ? html`<tfoot>${o.foot}</tfoot>` : nothing}
    </table>
  </div>`;
}

/**
 * Results as a table (choice, answers, share) with a bar under each choice. The bar only
 * draws what the figures say, so it is hidden from screen readers. Its width is set through
 * the CSS object model, which a strict Content-Security-Policy allows (a style attribute, as
 * styleMap writes on first render, it blocks).
 */
export function renderResultRows(id: string, caption: string, rows: ResultRow[], total: number, locale: string): TemplateResult {
  const most = Math.max(1, ...rows.map((r) => r.count));
  return regionTable(
    `${id}-caption`,
    caption,
    html`<th scope="col">${msg('Svarsalternativ', { id: 'console.poll.option' })}</th>
      <th scope="col" class="number">${msg('Svar', { id: 'console.poll.answers' })}</th>
      <th scope="col" class="number">${msg('Andel', { id: 'console.poll.share' })}</th>`,
    rows.map(
      (r) => html`<tr data-option=${r.key}>
        <th scope="row">
          <span lang=${r.lang ?? nothing}>${r.label}</span>
          <span class="bar" aria-hidden="true"><span class="fill" ${ref(widthOf((100 * r.count) / most))}></span></span>
        </th>
        <td class="number" data-count>${r.count}</td>
        <td class="number">${share(r.count, total, locale)}</td>
      </tr>`,
    ),
    { id, cls: 'result-table' },
  );
}

/** The question of a step waiting for "yes", with its two buttons. */
export function renderConfirm(question: string, yes: string, busy: boolean, onYes: () => void, onCancel: () => void, danger = false): TemplateResult {
  return html`<div class="confirm" role="group" aria-labelledby="confirm-question">
    <p id="confirm-question" tabindex="-1">${question}</p>
    <div class="actions">
      <button type="button" class="primary ${danger ? 'danger' : ''}" data-action="confirm" aria-disabled=${busy ? 'true' : 'false'} @click=${onYes}>
        ${yes}
      </button>
      <button type="button" data-action="cancel" @click=${onCancel}>${msg('Avbryt', { id: 'console.cancel' })}</button>
    </div>
  </div>`;
}

/** "3 svar" / "1 svar": the same word in Swedish; English tells one from many. */
/**
 * A scale's average (rows keyed by their values 1–5) with the number of answers it is taken
 * over, "Medelvärde: 4,7 (3 svar)"; nothing when nobody has answered.
 */
export function renderScaleAverage(id: string, rows: ResultRow[], locale: string): TemplateResult | typeof nothing {
  const answers = rows.reduce((n, r) => n + r.count, 0);
  if (!answers) return nothing;
  const average = rows.reduce((sum, r) => sum + Number(r.key) * r.count, 0) / answers;
  const figure = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 }).format(average);
  return html`<p class="average" id=${id}>${msg(str`Medelvärde: ${figure} (${answersCount(answers)})`, { id: 'console.poll.average' })}</p>`;
}

export function answersCount(n: number): string {
  return n === 1 ? msg('1 svar', { id: 'console.poll.one-answer' }) : msg(str`${n} svar`, { id: 'console.poll.n-answers' });
}

/** The poll and survey screens' own styles, on top of the console's and the budget screen's. */
export const pollStyles = css`
  .bar {
    display: block;
    height: 0.75rem;
    margin-top: 0.375rem;
    border-radius: 0.125rem;
    background: var(--_subtle);
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  .bar .fill {
    display: block;
    height: 100%;
    min-width: 1px;
    border-radius: 0.125rem;
    background: var(--_accent);
  }
  .result-table tbody th {
    width: 60%;
    font-weight: normal;
  }
  .result-table tbody th > span:first-child {
    font-weight: 700;
  }
  .embed-code {
    max-width: 40rem;
    margin: 0 0 1rem;
  }
  .downloads + h3 {
    margin-top: 1.5rem;
  }
  .options-list {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    margin: 0 0 1rem;
    padding: 0;
    list-style: none;
  }
  .option {
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-inline-start: 0.3125rem solid var(--_accent);
    border-radius: var(--_radius);
  }
  .option .actions {
    margin: 0.25rem 0 0;
  }
  h3[tabindex='-1']:focus,
  h5[tabindex='-1']:focus {
    outline: none;
  }
  h5 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }
  @media (max-width: 30rem) {
    .option {
      padding: 0.5rem;
    }
  }
  @media (forced-colors: active) {
    .bar {
      border: 1px solid CanvasText;
    }
    .bar .fill {
      background: CanvasText;
      forced-color-adjust: none;
    }
    .option {
      border-color: CanvasText;
    }
  }
`;

/** What an entry of a list in a form (a line, an option, a question, a page) can do: move up, move down, be removed. */
export interface EntryActions {
  /** Its place in the list, and how many there are. */
  index: number;
  count: number;
  /** Its name, for screen readers, after each button's label. */
  named: TemplateResult;
  move: (by: -1 | 1, action: 'up' | 'down') => void;
  remove: () => void;
  /** False when the list may not get shorter. */
  removable?: boolean;
  /** The buttons' labels, when not "Flytta upp", "Flytta ned", "Ta bort". */
  labels?: [up: string, down: string, remove: string];
}

/** An entry's buttons: move up, move down, remove. */
export function renderEntryActions(a: EntryActions): TemplateResult {
  const [up, down, remove] = a.labels ?? [
    msg('Flytta upp', { id: 'console.tile-set.up' }),
    msg('Flytta ned', { id: 'console.tile-set.down' }),
    msg('Ta bort', { id: 'console.tile-set.delete' }),
  ];
  return html`<div class="actions">
    <button type="button" data-action="up" ?disabled=${a.index === 0} @click=${() => a.move(-1, 'up')}>${up} ${a.named}</button>
    <button type="button" data-action="down" ?disabled=${a.index === a.count - 1} @click=${() => a.move(1, 'down')}>${down} ${a.named}</button>
    <button type="button" class="danger" data-action="remove" ?disabled=${a.removable === false} @click=${a.remove}>${remove} ${a.named}</button>
  </div>`;
}

/** The choice of a preview's language (the class of its radios' box: the screens' own layouts). */
export function renderPreviewLanguage(lang: 'sv' | 'en', choose: (lang: 'sv' | 'en') => void, cls = 'languages'): TemplateResult {
  return html`<fieldset>
    <legend>${msg('Språk i förhandsvisningen', { id: 'console.preview-language' })}</legend>
    <div class=${cls}>
      <label class="choice" for="preview-sv">
        <input type="radio" id="preview-sv" name="preview-lang" .checked=${lang === 'sv'} @change=${() => choose('sv')} />
        ${msg('Svenska', { id: 'console.swedish' })}
      </label>
      <label class="choice" for="preview-en">
        <input type="radio" id="preview-en" name="preview-lang" .checked=${lang === 'en'} @change=${() => choose('en')} />
        ${msg('Engelska', { id: 'console.english' })}
      </label>
    </div>
  </fieldset>`;
}
