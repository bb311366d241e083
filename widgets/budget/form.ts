/**
 * The ballot form of an open process: the districts, the lines or projects, the tally, the
 * e-mail address, the error summary, and the check-your-e-mail message after sending. Its own
 * chunk, loaded only while a process is open, so that a published process's page does not
 * carry it (as results.ts is loaded only for a published one). What the form holds and does
 * stays in the element; this only draws it, reading the element through `FormHost`.
 */
import { html, nothing } from 'lit';
import { msg, str, type Locale } from '../shared/localize.js';
import type { BudgetItem, PublicBudget } from './budget-api.js';
import type { digits, kronor, pick, Tally } from './tally.js';

/**
 * Something to correct before sending, listed in the error summary and shown where it is:
 * `at` is 'email', 'district', 'tally' or 'item-<id>'. The text is made while rendering, so
 * it is in the element's language.
 */
export interface Problem {
  at: string;
  text: () => string;
}

/**
 * What the form reads from `<medverka-budget>`, and the handlers it binds. The formatters come
 * from the element too, so that this chunk imports nothing from the element's chunk (which
 * would stop that chunk from being the widget's one entry).
 */
export interface FormHost {
  readonly say: { kronor: typeof kronor; digits: typeof digits; pick: typeof pick };
  readonly locale: Locale;
  readonly subLevel: number;
  readonly needsDistrict: boolean;
  readonly items: BudgetItem[];
  readonly tally: Tally;
  readonly districtId: number | null;
  readonly drafts: Map<number, string>;
  readonly chosen: Set<number>;
  readonly notes: Map<number, () => string>;
  readonly problems: Problem[];
  readonly formError?: () => string;
  readonly sending: boolean;
  readonly sent?: string;
  readonly lastChanged?: number;
  email: string;
  /** What is left, in words, as last drawn: announced once the resident pauses. */
  leftSaid: string;
  amountOf(item: BudgetItem): number;
  leftText(t: Tally): string;
  problemAt(at: string): Problem | undefined;
  targetOf(at: string): string;
  startProof: () => void;
  onSubmit(event: SubmitEvent): Promise<void>;
  onRange(item: BudgetItem, event: Event): void;
  onExactInput(item: BudgetItem, event: Event): void;
  onExactChange(item: BudgetItem, event: Event): void;
  onProject(item: BudgetItem, event: Event): void;
  chooseDistrict(id: number): void;
  onSummaryClick(event: MouseEvent, at: string): void;
  sendAgain: () => Promise<void>;
}

function ruleText(el: FormHost, data: PublicBudget, total: number): string {
  const l = el.locale;
  if (data.mode === 'projects') return msg(str`Välj de projekt du vill ha. Tillsammans får de kosta högst ${el.say.kronor(total, l)}.`, { id: 'budget.rule-projects' });
  if (data.rule === 'within') return msg(str`Fördela högst ${el.say.kronor(total, l)}. Du behöver inte använda allt.`, { id: 'budget.rule-within' });
  return data.tolerance
    ? msg(str`Fördela ${el.say.kronor(total, l)}, varken mer eller mindre. Det får skilja högst ${el.say.kronor(data.tolerance, l)}.`, { id: 'budget.rule-balanced-tolerance' })
    : msg(str`Fördela ${el.say.kronor(total, l)}, varken mer eller mindre.`, { id: 'budget.rule-balanced' });
}

function renderAbout(el: FormHost, item: BudgetItem) {
  const l = el.locale;
  const description = el.say.pick(item.description, l);
  // Staff give http(s) addresses; a data: image (a preview) is harmless in an <img>. Nothing else is loaded.
  const src = item.image && /^(https?:\/\/|data:image\/)/i.test(item.image.url) ? item.image.url : undefined;
  return html`${description ? html`<p id="desc-${item.id}" class="hint description">${description}</p>` : nothing}
  ${src ? html`<img class="picture" src=${src} alt=${el.say.pick(item.image!.alt, l)} loading="lazy" />` : nothing}`;
}

/** Whether a line or project has a note: why its amount changed, what the server said, or (changed last) that the ballot is over. */
function hasNote(el: FormHost, item: BudgetItem, t: Tally) {
  return el.notes.has(item.id) || (el.lastChanged === item.id && t.state === 'over');
}

function renderNote(el: FormHost, item: BudgetItem, t: Tally) {
  if (!hasNote(el, item, t)) return nothing;
  const note = el.notes.get(item.id);
  return html`<p id="note-${item.id}" class="note ${note && el.problemAt(`item-${item.id}`) ? 'field-error' : ''}">${note ? note() : el.leftText(t)}</p>`;
}

function renderLine(el: FormHost, item: BudgetItem, t: Tally) {
  const l = el.locale;
  const id = item.id;
  const amount = el.amountOf(item);
  const title = el.say.pick(item.title, l);
  const note = hasNote(el, item, t) ? `note-${id}` : '';
  const described = [`limits-${id}`, el.say.pick(item.description, l) ? `desc-${id}` : '', note].filter(Boolean).join(' ');
  const invalid = el.problemAt(`item-${id}`) ? 'true' : 'false';
  return html`<li class="line" part="line">
    <div class="line-head">
      <label class="line-title" for="range-${id}">${title}</label>
      <span class="line-amount" aria-hidden="true">${el.say.kronor(amount, l)}</span>
    </div>
    ${renderAbout(el, item)}
    <input
      type="range"
      id="range-${id}"
      min=${item.min}
      max=${item.max}
      step=${item.step}
      .value=${String(amount)}
      aria-valuetext=${el.say.kronor(amount, l)}
      aria-describedby=${described}
      aria-invalid=${invalid}
      @input=${(e: Event) => el.onRange(item, e)}
    />
    <p id="limits-${id}" class="limits">${msg(str`Från ${el.say.kronor(item.min, l)} till ${el.say.kronor(item.max, l)}`, { id: 'budget.limits' })}</p>
    <div class="exact">
      <label for="amount-${id}">${msg('Exakt belopp i kronor', { id: 'budget.exact' })}<span class="visually-hidden">: ${title}</span></label>
      <input
        id="amount-${id}"
        inputmode="numeric"
        autocomplete="off"
        spellcheck="false"
        .value=${el.drafts.get(id) ?? el.say.digits(amount, l)}
        aria-describedby=${`limits-${id} ${note}`.trim()}
        aria-invalid=${invalid}
        @input=${(e: Event) => el.onExactInput(item, e)}
        @change=${(e: Event) => el.onExactChange(item, e)}
      />
    </div>
    ${renderNote(el, item, t)}
  </li>`;
}

function renderProject(el: FormHost, item: BudgetItem, t: Tally) {
  const l = el.locale;
  const id = item.id;
  const chosen = el.chosen.has(id);
  const fits = chosen || item.cost <= t.left;
  const described = [`cost-${id}`, el.say.pick(item.description, l) ? `desc-${id}` : '', fits ? '' : `fit-${id}`, hasNote(el, item, t) ? `note-${id}` : ''].filter(Boolean).join(' ');
  return html`<li class="project ${chosen ? 'chosen' : ''}" part="project">
    <div class="choice">
      <input type="checkbox" id="project-${id}" .checked=${chosen} aria-describedby=${described} @change=${(e: Event) => el.onProject(item, e)} />
      <label for="project-${id}">${el.say.pick(item.title, l)}</label>
    </div>
    <p id="cost-${id}" class="cost">${msg(str`Kostar ${el.say.kronor(item.cost, l)}`, { id: 'budget.cost' })}</p>
    ${renderAbout(el, item)}
    ${fits
      ? nothing
      : html`<p id="fit-${id}" class="note">
          ${msg(str`Får inte plats just nu: det finns ${el.say.kronor(Math.max(0, t.left), l)} kvar. Välj bort något annat först om du vill ha med det här.`, { id: 'budget.no-fit' })}
        </p>`}
    ${renderNote(el, item, t)}
  </li>`;
}

function renderDistricts(el: FormHost, data: PublicBudget) {
  if (!data.districts.length) return nothing;
  const problem = el.problemAt('district');
  return html`<fieldset class="field districts" id="districts" part="districts" aria-describedby=${problem ? 'district-hint district-error' : 'district-hint'}>
    <legend>${msg('Välj ditt område', { id: 'budget.district' })}</legend>
    <p id="district-hint" class="hint">${msg('Varje område har en egen budget. Du är med i ett av dem.', { id: 'budget.district-hint' })}</p>
    ${problem ? html`<p id="district-error" class="field-error">${problem.text()}</p>` : nothing}
    ${data.districts.map(
      (d) => html`<div class="choice">
        <input type="radio" name="district" id="district-${d.id}" .checked=${el.districtId === d.id} aria-invalid=${problem ? 'true' : 'false'} @change=${() => el.chooseDistrict(d.id)} />
        <label for="district-${d.id}">${el.say.pick(d.name, el.locale)} <span class="hint">(${el.say.kronor(d.total, el.locale)})</span></label>
      </div>`,
    )}
  </fieldset>`;
}

function renderTally(el: FormHost, data: PublicBudget, t: Tally) {
  const l = el.locale;
  const width = t.total ? Math.min(100, (t.spent / t.total) * 100) : t.spent ? 100 : 0;
  return html`<div id="tally" class="tally ${t.state}" part="tally" tabindex="-1">
    <p class="tally-sum">
      ${data.mode === 'projects'
        ? msg(str`Valt för ${el.say.kronor(t.spent, l)} av ${el.say.kronor(t.total, l)}`, { id: 'budget.spent-projects' })
        : msg(str`Fördelat: ${el.say.kronor(t.spent, l)} av ${el.say.kronor(t.total, l)}`, { id: 'budget.spent' })}
    </p>
    <svg class="gauge" aria-hidden="true" focusable="false">
      <rect class="gauge-track" width="100%" height="100%" />
      <rect class="gauge-fill" width="${width}%" height="100%" />
    </svg>
    <p class="tally-left">${t.state === 'ok' ? nothing : html`<span class="warning" aria-hidden="true">!</span>`}${(el.leftSaid = el.leftText(t))}</p>
  </div>`;
}

function renderSummary(el: FormHost) {
  if (!el.problems.length && !el.formError) return nothing;
  return html`<div id="summary" class="summary" role="group" tabindex="-1" aria-labelledby="summary-heading">
    <div id="summary-heading" class="summary-heading" role="heading" aria-level=${el.subLevel}>
      ${el.problems.length ? msg('Rätta det här innan du skickar', { id: 'budget.summary-heading' }) : msg('Din budget skickades inte', { id: 'budget.not-sent' })}
    </div>
    ${el.problems.length
      ? html`<ul>
          ${el.problems.map((p) => html`<li><a href="#${el.targetOf(p.at)}" @click=${(e: MouseEvent) => el.onSummaryClick(e, p.at)}>${p.text()}</a></li>`)}
        </ul>`
      : nothing}
    ${el.formError ? html`<p>${el.formError()}</p>` : nothing}
  </div>`;
}

export function renderForm(el: FormHost, data: PublicBudget) {
  const t = el.needsDistrict ? undefined : el.tally;
  const email = el.problemAt('email');
  const sliders = data.mode === 'sliders';
  return html`<form part="form" novalidate @submit=${el.onSubmit} @focusin=${el.startProof} @input=${el.startProof}>
    ${renderSummary(el)} ${renderDistricts(el, data)}
    ${t
      ? html`<section class="share" aria-labelledby="share-heading">
            <div id="share-heading" class="subheading" role="heading" aria-level=${el.subLevel}>
              ${sliders ? msg('Fördela budgeten', { id: 'budget.share-heading' }) : msg('Välj projekt', { id: 'budget.projects-heading' })}
            </div>
            <p class="rule">${ruleText(el, data, t.total)}</p>
            ${renderTally(el, data, t)}
            <ul class=${sliders ? 'lines' : 'projects'}>
              ${el.items.map((item) => (sliders ? renderLine(el, item, t) : renderProject(el, item, t)))}
            </ul>
          </section>
          <div class="field">
            <label for="email">${msg('E-postadress', { id: 'budget.email' })}</label>
            <p id="email-hint" class="hint">${msg('Vi skickar en länk som du klickar på för att din budget ska räknas.', { id: 'budget.email-hint' })}</p>
            ${email ? html`<p id="email-error" class="field-error">${email.text()}</p>` : nothing}
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="email"
              spellcheck="false"
              maxlength="254"
              .value=${el.email}
              aria-invalid=${email ? 'true' : 'false'}
              aria-describedby=${email ? 'email-hint email-error' : 'email-hint'}
              @input=${(e: Event) => (el.email = (e.target as HTMLInputElement).value)}
            />
          </div>
          <p class="privacy">
            ${msg('Kommunen sparar din e-postadress för att varje person bara ska räknas en gång. Den visas aldrig för någon.', { id: 'budget.privacy' })}
          </p>
          <button type="submit" class="primary" part="button" aria-disabled=${el.sending ? 'true' : 'false'}>
            ${el.sending ? msg('Skickar …', { id: 'budget.sending' }) : msg('Skicka min budget', { id: 'budget.submit' })}
          </button>
          <p class="visually-hidden" role="status">${el.sending ? msg('Skickar din budget …', { id: 'budget.sending-status' }) : ''}</p>`
      : nothing}
  </form>`;
}

export function renderSent(el: FormHost) {
  return html`<section class="message sent" part="message" aria-labelledby="sent-heading">
    <div id="sent-heading" class="subheading" role="heading" aria-level=${el.subLevel} tabindex="-1">${msg('Kolla din e-post', { id: 'budget.sent-heading' })}</div>
    <p>${msg(str`Vi har skickat ett mejl till ${el.sent}.`, { id: 'budget.sent-to' })}</p>
    <p>${msg('Din budget räknas när du har klickat på länken i mejlet. Länken gäller i tre dagar.', { id: 'budget.sent-link' })}</p>
    <p>
      ${msg('Du kan ändra dig så länge omröstningen är öppen: skicka en ny budget och bekräfta den. Det är den senaste du bekräftar som räknas.', {
        id: 'budget.sent-change',
      })}
    </p>
    <p class="hint">${msg('Har du inte fått något mejl? Titta i skräpposten.', { id: 'budget.sent-spam' })}</p>
    <button type="button" class="secondary" part="button" @click=${el.sendAgain}>${msg('Ändra min budget', { id: 'budget.change' })}</button>
  </section>`;
}

