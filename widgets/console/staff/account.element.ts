import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../shared/localize.js';
import { request, staffApi, type StaffUser } from '../kit/api.js';
import { states } from '../../shared/base-element.js';
import { atLeast, errorSummary, formValues, passwordsDiffer, problemText, required, type FieldErrors } from '../kit/forms.js';
import { roleLabel } from '../kit/labels.js';
import { screenHeading } from '../kit/screen.js';
import { inputField, submitRow, type FormField } from '../kit/screen-fields.js';
import { noProblems, SendingFormScreen, type Problems } from '../kit/screen-form.js';

/** The signed-in person's own account: the name residents see in the chat, change password, sign out on every device. */
export class MedverkaConsoleAccount extends SendingFormScreen {
  static override properties = {
    ...SendingFormScreen.properties,
    user: { attribute: false },
    ...states('everywhereProblem', 'nameProblems'),
  };

  declare user?: StaffUser;
  declare private everywhereProblem?: string;
  /** The name form's problems (the password form's are the screen's own). */
  declare private nameProblems: Problems;

  constructor() {
    super();
    this.nameProblems = noProblems;
  }

  private get nameField() {
    return { name: 'name', id: 'display-name', label: msg('Ditt namn', { id: 'console.account.name' }) };
  }

  /** Saves the name residents see when this person answers in the chat; empty is allowed (they see "Kommunen"). */
  private async onSaveName(event: SubmitEvent) {
    event.preventDefault();
    const { name = '' } = formValues(event.target as HTMLFormElement);
    const save = async () => {
      const { user } = await request<{ user: StaffUser }>('PATCH', '/api/staff/me', { name });
      this.user = user;
      this.dispatchEvent(new CustomEvent('medverka-console-user-changed', { detail: { user }, bubbles: true, composed: true }));
      this.announce(msg('Namnet är sparat.', { id: 'console.account.name-saved' }));
    };
    await this.send(name.length > 100 ? { name: 'must be at most 100 characters' } : {}, save, {
      summary: 'name-errors',
      fields: ['name'],
      show: (problems) => (this.nameProblems = problems),
    });
  }

  private get fields() {
    return [
      { name: 'currentPassword', id: 'current-password', label: msg('Nuvarande lösenord', { id: 'console.account.current' }) },
      { name: 'newPassword', id: 'new-password', label: msg('Nytt lösenord', { id: 'console.account.new' }) },
      { name: 'repeatPassword', id: 'repeat-password', label: msg('Nytt lösenord igen', { id: 'console.account.repeat' }) },
    ];
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const { currentPassword = '', newPassword = '', repeatPassword = '' } = formValues(form);
    const errors: FieldErrors = {};
    if (!currentPassword) errors.currentPassword = required;
    if (!newPassword) errors.newPassword = required;
    else if (newPassword.length < 12) errors.newPassword = atLeast(12);
    if (newPassword && repeatPassword !== newPassword) errors.repeatPassword = passwordsDiffer;
    const change = async () => {
      await staffApi.changePassword(currentPassword, newPassword);
      form.reset();
      this.announce(msg('Lösenordet är bytt.', { id: 'console.account.changed' }));
    };
    await this.send(errors, change, {
      summary: 'password-errors',
      fields: ['currentPassword', 'newPassword'],
      codeFields: { wrong_password: 'currentPassword' },
    });
  }

  private async signOutEverywhere() {
    this.everywhereProblem = undefined;
    try {
      await staffApi.signOutEverywhere();
      this.dispatchEvent(new CustomEvent('medverka-console-signed-out', { bubbles: true, composed: true }));
    } catch (err) {
      this.everywhereProblem = problemText(err);
    }
  }

  protected override render(): TemplateResult {
    const [current, next, repeat] = this.fields as [FormField, FormField, FormField];
    const e = this.errors;
    const password = (f: FormField, autocomplete: string, hint?: string) => inputField(f, e[f.name], { type: 'password', autocomplete, hint });
    const user = this.user;
    const name = this.nameField;
    return html`
      ${screenHeading(msg('Mitt konto', { id: 'console.nav.account' }))}
      ${user
        ? html`<p>
            ${user.name ? `${user.name}, ` : ''}${user.email}
            <span class="badge">${roleLabel(user.role)}</span>
          </p>`
        : nothing}
      <h2>${msg('Ditt namn i chatten', { id: 'console.account.name-heading' })}</h2>
      ${errorSummary('name-errors', this.nameProblems.fields, this.nameProblems.general, [name], () => this.renderRoot as ShadowRoot)}
      <form novalidate @submit=${this.onSaveName}>
        ${inputField(name, this.nameProblems.fields.name, {
          autocomplete: 'name',
          maxlength: 100,
          value: user?.name ?? '',
          hint: msg('Invånare ser namnet när du svarar i chatten. Lämna fältet tomt, så står det ”Kommunen” i stället.', { id: 'console.account.name-hint' }),
        })}
        ${submitRow(msg('Spara namnet', { id: 'console.account.name-save' }), this.busy)}
      </form>
      <h2>${msg('Byt lösenord', { id: 'console.account.change' })}</h2>
      ${errorSummary('password-errors', e, this.general, this.fields, () => this.renderRoot as ShadowRoot)}
      <form novalidate @submit=${this.onSubmit}>
        <input type="email" name="username" autocomplete="username" .value=${user?.email ?? ''} hidden />
        ${password(current, 'current-password')}
        ${password(
          next,
          'new-password',
          msg('Minst 12 tecken. Ett långt lösenord av flera vanliga ord är både säkert och lätt att minnas.', {
            id: 'console.account.new-hint',
          }),
        )}
        ${password(repeat, 'new-password')}
        ${submitRow(msg('Byt lösenord', { id: 'console.account.change' }), this.busy)}
      </form>
      <h2>${msg('Logga ut överallt', { id: 'console.account.everywhere' })}</h2>
      <p>
        ${msg('Loggar ut dig på alla datorer och telefoner där du är inloggad, också den här. Gör det om du har glömt att logga ut någonstans eller tror att någon annan kommit åt ditt konto.', {
          id: 'console.account.everywhere-hint',
        })}
      </p>
      ${this.everywhereProblem ? html`<div class="notice problem"><p>${this.everywhereProblem}</p></div>` : nothing}
      <div class="actions">
        <button type="button" class="danger" @click=${this.signOutEverywhere}>${msg('Logga ut överallt', { id: 'console.account.everywhere' })}</button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementEventMap {
    /** The signed-in person changed their own account; the console's header follows. */
    'medverka-console-user-changed': CustomEvent<{ user: StaffUser }>;
  }
}
