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
  required?: boolean;
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
      ?required=${o.required ?? false}
      .value=${o.value ?? ''}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(hintId, error && `${f.id}-error`)}
    />
  </div>`;
}

/** A colour code: # and six hex digits. */
export const hexColour = /^#[0-9a-f]{6}$/i;

/**
 * A colour, chosen with the browser's picker or typed as a code (#005a9c, the # may be left
 * out): `set` gets it in lower case, and only once the typed code is whole.
 */
export function colourRow(
  picker: { id: string; label: string },
  code: { id: string; label: string },
  colour: string,
  set: (colour: string) => void,
  o: { error?: string; hintId?: string } = {},
): TemplateResult {
  const typed = (e: Event) => {
    const value = (e.target as HTMLInputElement).value.trim();
    const hex = value.startsWith('#') ? value : `#${value}`;
    if (hexColour.test(hex)) set(hex.toLowerCase());
  };
  return html`<div class="colour-row">
    <div class="field">
      <label for=${picker.id}>${picker.label}</label>
      <input id=${picker.id} type="color" .value=${colour} @input=${(e: Event) => set((e.target as HTMLInputElement).value)} />
    </div>
    <div class="field">
      <label for=${code.id}>${code.label}</label>
      ${fieldError(code.id, o.error)}
      <input
        id=${code.id}
        type="text"
        spellcheck="false"
        autocomplete="off"
        .value=${colour}
        @input=${typed}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${describedBy(o.hintId, o.error && `${code.id}-error`)}
      />
    </div>
  </div>`;
}

/** A form's one button, in its row of actions; while a request is out it says so (aria-disabled) and keeps focus. */
export function submitRow(label: string, busy: boolean): TemplateResult {
  return html`<div class="actions">
    <button class="primary" type="submit" aria-disabled=${busy ? 'true' : 'false'}>${label}</button>
  </div>`;
}
