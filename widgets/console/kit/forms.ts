/**
 * How every console form reports what is wrong: a message beside each field (tied to it with
 * aria-describedby), and a summary above the form that takes focus and links to each field.
 *
 * Errors are kept as the server wrote them (its zod messages are English) or as one of the
 * codes below, and put into words only when rendered, so they follow a language switch.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { StaffApiError } from './api.js';

/** Field name → the problem with it, in the server's words (see issueText()). */
export type FieldErrors = Record<string, string>;

/** Client-side checks use the server's own phrases, so one table words them all. */
export const required = 'is required';
export const atLeast = (n: number) => `must be at least ${n} characters`;
export const passwordsDiffer = 'passwords differ';

/** A problem with a field, in klarspråk, in the language being rendered. */
export function issueText(message: string): string {
  let m: RegExpExecArray | null;
  if (message === required || /^Invalid input: expected \w+, received undefined$/.test(message)) {
    return msg('Fyll i det här fältet.', { id: 'console.issue.required' });
  }
  if ((m = /^must be at least (\d+) characters$/.exec(message))) {
    return msg(str`Skriv minst ${m[1]} tecken.`, { id: 'console.issue.min' });
  }
  if ((m = /^must be at most (\d+) characters$/.exec(message))) {
    return msg(str`Skriv högst ${m[1]} tecken.`, { id: 'console.issue.max' });
  }
  if (message === 'must be an e-mail address') {
    return msg('Skriv en e-postadress, till exempel namn@kommun.se.', { id: 'console.issue.email' });
  }
  if (message.startsWith('must be a colour')) {
    return msg('Skriv en färg som #005a9c: # och sex tecken 0–9 eller a–f.', { id: 'console.issue.colour' });
  }
  if (message.startsWith('must be an https://')) {
    return msg('Skriv en adress som börjar med https://, mailto: eller tel:, eller en sökväg som börjar med /.', {
      id: 'console.issue.href',
    });
  }
  if (message.startsWith('must be 1–64 lower-case')) {
    return msg('Använd 1–64 tecken: små bokstäver a–z, siffror och bindestreck.', { id: 'console.issue.slug' });
  }
  if (message === 'a link tile needs an address') {
    return msg('En ruta som är en länk behöver en adress.', { id: 'console.issue.link-needs-href' });
  }
  if (message === 'a widget tile needs a widget') {
    return msg('Välj vilken widget rutan ska öppna.', { id: 'console.issue.widget-needs-widget' });
  }
  if (message.startsWith('attribute names') || message.startsWith('event-handler') || message === 'attribute line') {
    return msg('Skriv en inställning per rad som namn=värde. Namn får bara ha små bokstäver, siffror och bindestreck och får inte börja med ”on”.', {
      id: 'console.issue.attributes',
    });
  }
  if (message === passwordsDiffer) return msg('Lösenorden är inte likadana.', { id: 'console.issue.passwords-differ' });
  if (message === 'wrong_password') return msg('Det nuvarande lösenordet stämmer inte.', { id: 'console.issue.wrong-password' });
  if (message === 'email_taken') {
    return msg('Det finns redan en användare med den e-postadressen.', { id: 'console.issue.email-taken' });
  }
  if (message === 'slug_taken') return msg('Det namnet har redan en annan rutsamling.', { id: 'console.issue.slug-taken' });
  return message;
}

/** A request that failed, in words, when no field is to blame. */
export function problemText(err: unknown): string {
  if (!(err instanceof StaffApiError) || err.status === null) {
    return msg('Det gick inte att nå servern. Kontrollera anslutningen och försök igen.', { id: 'console.problem.network' });
  }
  if (err.code === 'would_lock_out') {
    return msg('Du kan inte ta bort din egen administratörsroll eller stänga av dig själv.', { id: 'console.problem.lock-out' });
  }
  if (err.code === 'invalid_order') {
    return msg('Rutorna har ändrats av någon annan under tiden. Ladda om sidan och försök igen.', { id: 'console.problem.order' });
  }
  if (err.status === 401) return msg('Du är inte inloggad längre. Logga in igen.', { id: 'console.problem.signed-out' });
  if (err.status === 403) return msg('Din roll får inte göra det här.', { id: 'console.problem.forbidden' });
  if (err.status === 404) return msg('Det finns inte längre. Någon kan ha tagit bort det.', { id: 'console.problem.not-found' });
  if (err.status === 429) return msg('För många försök. Vänta en stund och försök igen.', { id: 'console.problem.too-many' });
  if (err.status >= 500) return msg('Något gick fel på servern. Försök igen om en stund.', { id: 'console.problem.server' });
  return issueText(err.message);
}

/**
 * Sorts a failed request's problems: those about a known field go beside it; codes that are
 * about one field (e.g. email_taken) go to that field; the rest is returned as general.
 */
export function errorsFrom(
  err: unknown,
  fields: readonly string[],
  codeFields: Record<string, string> = {},
): { fields: FieldErrors; general: string[] } {
  const out: FieldErrors = {};
  const general: string[] = [];
  if (err instanceof StaffApiError) {
    const byCode = codeFields[err.code];
    if (byCode) out[byCode] = err.code;
    for (const issue of err.issues) {
      const field = issue.path.split('.')[0] ?? '';
      if (fields.includes(field)) out[field] ??= issue.message;
      else general.push(issue.path === '(body)' ? issue.message : `${issue.path}: ${issue.message}`);
    }
    if (!byCode && err.issues.length === 0) general.push(problemText(err));
  } else {
    general.push(problemText(err));
  }
  return { fields: out, general };
}

/** The ids for aria-describedby, or nothing when there are none. */
export function describedBy(...ids: (string | false | undefined | null)[]): string | typeof nothing {
  const list = ids.filter(Boolean).join(' ');
  return list || nothing;
}

/** The message beside a field; its id is `${fieldId}-error`. */
export function fieldError(fieldId: string, error: string | undefined): TemplateResult | typeof nothing {
  if (!error) return nothing;
  return html`<p class="field-error" id="${fieldId}-error">
    <span class="visually-hidden">${msg('Fel:', { id: 'console.error-prefix' })} </span>${issueText(error)}
  </p>`;
}

/**
 * The summary above a form. `fields` lists the fields in the order they appear, each with the
 * id of its control and its label, so the summary reads top to bottom like the form.
 */
export function errorSummary(
  id: string,
  errors: FieldErrors,
  general: readonly string[],
  fields: readonly { name: string; id: string; label: string }[],
  root: () => ShadowRoot | HTMLElement,
): TemplateResult | typeof nothing {
  const listed = fields.filter((f) => errors[f.name]);
  if (listed.length === 0 && general.length === 0) return nothing;
  const jump = (event: Event, fieldId: string) => {
    // The console uses the hash for its routes; move focus without touching it.
    event.preventDefault();
    const target = root().querySelector<HTMLElement>(`#${fieldId}`);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  };
  return html`<div class="error-summary" id=${id} tabindex="-1" role="group" aria-labelledby="${id}-title">
    <h2 id="${id}-title" class="error-summary-title">${msg('Något behöver rättas', { id: 'console.error-summary' })}</h2>
    <ul>
      ${general.map((text) => html`<li>${text}</li>`)}
      ${listed.map(
        (f) => html`<li><a href="#${f.id}" @click=${(e: Event) => jump(e, f.id)}>${f.label}: ${issueText(errors[f.name]!)}</a></li>`,
      )}
    </ul>
  </div>`;
}

/** Moves focus to a form's error summary once it is on screen. */
export async function focusSummary(el: { updateComplete: Promise<unknown>; renderRoot: ParentNode }, id: string): Promise<void> {
  await el.updateComplete;
  el.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
}

/** A form's text values by name, trimmed — except passwords, where every character counts. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== 'string') continue;
    const control = form.elements.namedItem(name);
    out[name] = control instanceof HTMLInputElement && control.type === 'password' ? value : value.trim();
  }
  return out;
}
