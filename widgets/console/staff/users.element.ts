import { css, html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '../../shared/localize.js';
import { roles, staffApi, type Role, type StaffUser } from '../kit/api.js';
import { states } from '../../shared/base-element.js';
import { atLeast, describedBy, errorSummary, fieldError, formValues, problemText, required, type FieldErrors } from '../kit/forms.js';
import { dateTime, roleLabel } from '../kit/labels.js';
import { noProblems, SendingFormScreen, type Problems } from '../kit/screen-form.js';
import { Loaded } from '../kit/list.js';
import { ConsoleScreen, screenHeading } from '../kit/screen.js';
import { inputField, submitRow, type FormField } from '../kit/screen-fields.js';

/** Staff accounts: who they are, their role, whether they may sign in; and a form for a new one. */
export class MedverkaConsoleUsers extends SendingFormScreen {
  static override styles = [
    ...ConsoleScreen.styles,
    css`
      .users {
        display: flex;
        flex-direction: column;
        gap: 1rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .user {
        padding: 1rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .user.is-disabled {
        border-style: dashed;
        background: var(--_subtle);
      }
      .user h3 {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .user p {
        margin: 0.25rem 0 0;
        overflow-wrap: anywhere;
      }
      .user .actions {
        margin-bottom: 0;
      }
      .user form {
        margin-top: 1rem;
      }
      @media (forced-colors: active) {
        .user {
          border-color: CanvasText;
        }
      }
    `,
  ];

  static override properties = {
    ...SendingFormScreen.properties,
    /** The signed-in administrator, who may not lock themselves out. */
    currentUser: { attribute: false },
    ...states('editing', 'editProblems'),
  };

  declare currentUser?: StaffUser;
  declare private editing?: number;
  /** The open edit form's problems (the new-user form's are the screen's own). */
  declare private editProblems: Problems;

  constructor() {
    super();
    this.editProblems = noProblems;
  }

  #users = new Loaded(this, async () => (await staffApi.users()).users);

  private replace(user: StaffUser) {
    if (this.#users.value) this.#users.set(this.#users.value.map((u) => (u.id === user.id ? user : u)));
  }

  private get newFields(): FormField[] {
    return [
      { name: 'email', id: 'new-email', label: msg('E-postadress', { id: 'console.sign-in.email' }) },
      { name: 'name', id: 'new-name', label: msg('Namn', { id: 'console.users.name' }) },
      { name: 'role', id: 'new-role', label: msg('Roll', { id: 'console.users.role' }) },
      { name: 'password', id: 'new-password', label: msg('Första lösenord', { id: 'console.users.password' }) },
    ];
  }

  private async onCreate(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const v = formValues(form);
    const errors: FieldErrors = {};
    if (!v.email) errors.email = required;
    if (!v.name) errors.name = required;
    if (!v.password) errors.password = required;
    else if (v.password.length < 12) errors.password = atLeast(12);
    const create = async () => {
      const { user } = await staffApi.createUser({ email: v.email!, name: v.name!, role: v.role as Role, password: v.password! });
      this.#users.set([...(this.#users.value ?? []), user]);
      form.reset();
      this.announce(msg(str`${user.name} är tillagd som ${roleLabel(user.role).toLowerCase()}.`, { id: 'console.users.created' }));
    };
    await this.send(errors, create, { summary: 'new-errors', fields: this.newFields.map((f) => f.name), codeFields: { email_taken: 'email' } });
  }

  private async openEdit(user: StaffUser) {
    this.editing = user.id;
    this.editProblems = noProblems;
    await this.focusOn(`#edit-${user.id}-name`);
  }

  private async closeEdit(user: StaffUser) {
    this.editing = undefined;
    await this.focusOn(`[data-user-id="${user.id}"] [data-action="edit"]`);
  }

  private async onEdit(event: SubmitEvent, user: StaffUser) {
    event.preventDefault();
    const v = formValues(event.target as HTMLFormElement);
    const save = async () => {
      const updated = (await staffApi.updateUser(user.id, { name: v.name, role: v.role as Role })).user;
      this.replace(updated);
      this.editing = undefined;
      this.announce(msg(str`Ändringarna för ${updated.name} är sparade.`, { id: 'console.users.saved' }));
      await this.focusOn(`[data-user-id="${user.id}"] [data-action="edit"]`);
    };
    await this.send(v.name ? {} : { name: required }, save, {
      summary: `edit-${user.id}-errors`,
      fields: ['name', 'role'],
      show: (problems) => (this.editProblems = problems),
    });
  }

  private async toggleDisabled(user: StaffUser) {
    if (this.busy) return;
    this.busy = true;
    try {
      const updated = (await staffApi.updateUser(user.id, { disabled: !user.disabled })).user;
      this.replace(updated);
      this.announce(
        updated.disabled
          ? msg(str`${updated.name} är inaktiverad och kan inte logga in.`, { id: 'console.users.now-disabled' })
          : msg(str`${updated.name} är aktiverad och kan logga in igen.`, { id: 'console.users.now-enabled' }),
      );
      await this.focusOn(`[data-user-id="${user.id}"] [data-action="disable"]`);
    } catch (err) {
      this.announce(problemText(err));
    } finally {
      this.busy = false;
    }
  }

  private renderRoleSelect(id: string, value: Role | undefined, error?: string): TemplateResult {
    return html`<select id=${id} name="role" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy(error && `${id}-error`)}>
      ${roles.map((r) => html`<option value=${r} ?selected=${r === value}>${roleLabel(r)}</option>`)}
    </select>`;
  }

  private renderEdit(user: StaffUser): TemplateResult {
    const id = `edit-${user.id}`;
    const fields = [
      { name: 'name', id: `${id}-name`, label: msg('Namn', { id: 'console.users.name' }) },
      { name: 'role', id: `${id}-role`, label: msg('Roll', { id: 'console.users.role' }) },
    ];
    const e = this.editProblems.fields;
    return html`<form novalidate @submit=${(ev: SubmitEvent) => void this.onEdit(ev, user)}>
      ${errorSummary(`${id}-errors`, e, this.editProblems.general, fields, () => this.renderRoot as ShadowRoot)}
      ${inputField(fields[0]!, e.name, { autocomplete: 'off', value: user.name })}
      <div class="field">
        <label for="${id}-role">${fields[1]!.label}</label>
        ${fieldError(`${id}-role`, e.role)} ${this.renderRoleSelect(`${id}-role`, user.role, e.role)}
      </div>
      <div class="actions">
        <button type="submit" class="primary">${msg('Spara ändringarna', { id: 'console.users.save' })}</button>
        <button type="button" @click=${() => void this.closeEdit(user)}>${msg('Avbryt', { id: 'console.cancel' })}</button>
      </div>
    </form>`;
  }

  private renderUser(user: StaffUser): TemplateResult {
    const self = user.id === this.currentUser?.id;
    const named = html`<span class="visually-hidden">${user.name}</span>`;
    return html`<li class="user ${user.disabled ? 'is-disabled' : ''}" data-user-id=${user.id}>
      <h3>${user.name} ${self ? html`<span class="muted">${msg('(du)', { id: 'console.users.you' })}</span>` : nothing}</h3>
      <p>${user.email}</p>
      <p>
        <span class="badge">${roleLabel(user.role)}</span>
        ${user.disabled
          ? html`<span class="badge">${msg('Inaktiverad – kan inte logga in', { id: 'console.users.disabled' })}</span>`
          : nothing}
      </p>
      <p class="muted">${msg(str`Tillagd ${dateTime(user.createdAt, this.locale)}`, { id: 'console.users.created-at' })}</p>
      ${this.editing === user.id
        ? this.renderEdit(user)
        : html`<div class="actions">
            <button type="button" data-action="edit" @click=${() => void this.openEdit(user)}>
              ${msg('Ändra namn och roll', { id: 'console.users.edit' })} ${named}
            </button>
            ${self
              ? nothing
              : html`<button type="button" class=${user.disabled ? '' : 'danger'} data-action="disable" @click=${() => void this.toggleDisabled(user)}>
                  ${user.disabled ? msg('Aktivera', { id: 'console.users.enable' }) : msg('Inaktivera', { id: 'console.users.disable' })} ${named}
                </button>`}
          </div>`}
    </li>`;
  }

  private renderCreate(): TemplateResult {
    const [email, name, role, password] = this.newFields as [FormField, FormField, FormField, FormField];
    const e = this.errors;
    const text = (f: FormField, type: string, autocomplete: string, hint?: string) =>
      inputField(f, e[f.name], { type, autocomplete, spellcheck: false, hint });
    return html`
      <h2>${msg('Lägg till en användare', { id: 'console.users.create' })}</h2>
      ${errorSummary('new-errors', e, this.general, this.newFields, () => this.renderRoot as ShadowRoot)}
      <form novalidate @submit=${this.onCreate}>
        ${text(email, 'email', 'off')} ${text(name, 'text', 'off')}
        <div class="field">
          <label for=${role.id}>${role.label}</label>
          <p class="hint" id="${role.id}-hint">
            ${msg('Administratörer får göra allt. Moderatorer hanterar förslag, svar och exporter. Chatthandläggare svarar i chatten.', {
              id: 'console.users.role-hint',
            })}
          </p>
          ${fieldError(role.id, e.role)}
          <select id=${role.id} name="role" aria-describedby=${describedBy(`${role.id}-hint`, e.role && `${role.id}-error`)}>
            ${roles.map((r) => html`<option value=${r} ?selected=${r === 'moderator'}>${roleLabel(r)}</option>`)}
          </select>
        </div>
        ${text(
          password,
          'password',
          'new-password',
          msg('Minst 12 tecken. Ge personen lösenordet på ett säkert sätt; hen byter det sedan under Mitt konto.', {
            id: 'console.users.password-hint',
          }),
        )}
        ${submitRow(msg('Lägg till användaren', { id: 'console.users.create-submit' }), this.busy)}
      </form>
    `;
  }

  protected override render(): TemplateResult {
    return html`
      ${screenHeading(msg('Användare', { id: 'console.nav.users' }))}
      ${this.#users.render(
        (users) =>
          html`<h2>${msg('Alla användare', { id: 'console.users.all' })}</h2>
            <ul class="users">
              ${repeat(
                users,
                (u) => u.id,
                (u) => this.renderUser(u),
              )}
            </ul>`,
      )}
      ${this.renderCreate()}
    `;
  }
}
