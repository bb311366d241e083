import { css, html, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { StaffApiError, staffApi } from '../kit/api.js';
import { errorsFrom, errorSummary, formValues, required, type FieldErrors } from '../kit/forms.js';
import { ConsoleScreen, screenHeading } from '../kit/screen.js';
import { inputField, submitRow, type FormField } from '../kit/screen-fields.js';
import { SendingFormScreen } from '../kit/screen-form.js';

/**
 * The sign-in form. A wrong e-mail address and a wrong password get the same answer (the
 * server does not say which), and after too many tries it says how long to wait.
 *
 * @event medverka-console-signed-in - Signed in. `detail`: `{ user }`.
 */
export class MedverkaConsoleSignIn extends SendingFormScreen {
  static override styles = [
    ...ConsoleScreen.styles,
    css`
      form {
        max-width: 26rem;
      }
    `,
  ];

  static override properties = {
    ...SendingFormScreen.properties,
    /** Shown above the form, e.g. after the session ended. */
    reason: {},
  };

  declare reason?: string;

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const { email = '', password = '' } = formValues(form);
    const errors: FieldErrors = {};
    if (!email) errors.email = required;
    if (!password) errors.password = required;
    const signIn = async () => {
      const { user } = await staffApi.signIn(email, password);
      form.reset();
      this.dispatchEvent(new CustomEvent('medverka-console-signed-in', { detail: { user }, bubbles: true, composed: true }));
    };
    await this.send(errors, signIn, { summary: 'sign-in-errors', refused: (err) => ({ fields: {}, general: [this.problem(err)] }) });
  }

  private problem(err: unknown): string {
    if (err instanceof StaffApiError && err.code === 'wrong_credentials') {
      return msg('E-postadressen eller lösenordet stämmer inte. Kontrollera båda och försök igen.', { id: 'console.sign-in.wrong' });
    }
    if (err instanceof StaffApiError && err.status === 429) {
      const minutes = Math.max(1, Math.ceil((err.retryAfter ?? 900) / 60));
      return minutes === 1
        ? msg('För många misslyckade försök. Vänta en minut och försök igen.', { id: 'console.sign-in.wait-one' })
        : msg(str`För många misslyckade försök. Vänta ${minutes} minuter och försök igen.`, { id: 'console.sign-in.wait' });
    }
    return errorsFrom(err, []).general[0] ?? '';
  }

  protected override render(): TemplateResult {
    const fields: FormField[] = [
      { name: 'email', id: 'email', label: msg('E-postadress', { id: 'console.sign-in.email' }) },
      { name: 'password', id: 'password', label: msg('Lösenord', { id: 'console.sign-in.password' }) },
    ];
    const [email, password] = fields as [FormField, FormField];
    return html`
      ${screenHeading(msg('Logga in', { id: 'console.sign-in.title' }))}
      ${this.reason ? html`<p class="notice">${this.reason}</p>` : ''}
      ${errorSummary('sign-in-errors', this.errors, this.general, fields, () => this.renderRoot as ShadowRoot)}
      <form novalidate @submit=${this.onSubmit}>
        ${inputField(email, this.errors.email, { type: 'email', autocomplete: 'username', spellcheck: false, required: true })}
        ${inputField(password, this.errors.password, { type: 'password', autocomplete: 'current-password', required: true })}
        ${submitRow(this.busy ? msg('Loggar in …', { id: 'console.sign-in.busy' }) : msg('Logga in', { id: 'console.sign-in.submit' }), this.busy)}
      </form>
      <p class="muted">${msg('Har du glömt lösenordet? Be en administratör att sätta ett nytt.', { id: 'console.sign-in.forgot' })}</p>
    `;
  }
}
