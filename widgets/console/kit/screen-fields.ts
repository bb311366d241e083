/**
 * The fields of the console's plain forms (users, account, tile sets), whose values are read
 * from the form when it is sent: a labelled input with its hint and its error.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { describedBy, fieldError } from './forms.js';

/** A form's field: its name in the form, the id of its control and its label (also for the error summary). */
export interface FormField {
  name: string;
  id: string;
  label: string;
}

export interface InputOptions {
  type?: string;
  autocomplete?: string;
  spellcheck?: boolean;
  maxlength?: number;
  /** What the field holds when it is shown. */
  value?: string;
  hint?: string;
}

/** An input with its label, hint (id `${id}-hint`) and error (id `${id}-error`), in the console's `.field` layout. */
export function inputField(f: FormField, error: string | undefined, o: InputOptions = {}): TemplateResult {
  const hintId = o.hint ? `${f.id}-hint` : undefined;
  return html`<div class="field">
    <label for=${f.id}>${f.label}</label>
    ${o.hint ? html`<p class="hint" id=${hintId!}>${o.hint}</p>` : nothing} ${fieldError(f.id, error)}
    <input
      id=${f.id}
      name=${f.name}
      type=${o.type ?? 'text'}
      autocomplete=${o.autocomplete ?? nothing}
      spellcheck=${o.spellcheck === undefined ? nothing : String(o.spellcheck)}
      maxlength=${o.maxlength ?? nothing}
      .value=${o.value ?? ''}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(hintId, error && `${f.id}-error`)}
    />
  </div>`;
}
