import { states } from '../../shared/base-element.js';
import { errorsFrom, focusSummary, type FieldErrors } from './forms.js';
import { FormScreen } from './form-screen.js';

/** A form's problems as the screen shows them: beside its fields, and the rest above. */
export type Problems = { fields: FieldErrors; general: string[] };

/** A form with nothing wrong (yet). */
export const noProblems: Problems = { fields: {}, general: [] };

/** How `send()` goes about a form: where its summary is, and how it shows and words its problems. */
export interface SendOptions {
  /** The id of the form's error summary, which takes focus when there are problems. */
  summary: string;
  /** The form's fields, whose problems the server names go beside them. */
  fields?: readonly string[];
  /** Codes that are about one field (e.g. email_taken → email). */
  codeFields?: Record<string, string>;
  /** The problems in words, when the server's are not enough. */
  refused?: (err: unknown) => Problems;
  /** Where the problems go; by default the screen's `errors` and `general`. */
  show?: (problems: Problems) => void;
}

/**
 * A screen whose plain forms are sent the same way: the form's own checks first (their
 * problems shown, the summary focused), then one request at a time, and what the server
 * refused shown beside the fields it names.
 */
export abstract class SendingFormScreen extends FormScreen {
  /** Sends when `errors` is empty and no request is out; resolves once done or refused. */
  protected async send(errors: FieldErrors, request: () => Promise<void>, o: SendOptions): Promise<void> {
    if (this.busy) return;
    const show =
      o.show ??
      (({ fields, general }: Problems) => {
        this.errors = fields;
        this.general = general;
      });
    show({ fields: errors, general: [] });
    if (Object.keys(errors).length) return focusSummary(this, o.summary);
    this.busy = true;
    try {
      await request();
    } catch (err) {
      show(o.refused ? o.refused(err) : errorsFrom(err, o.fields ?? [], o.codeFields));
      await focusSummary(this, o.summary);
    } finally {
      this.busy = false;
    }
  }
}

/**
 * A screen with several forms (a petition's steps, the canned answers' list): the problems
 * shown belong to one of them at a time, named by its key, whose summary takes focus.
 */
export abstract class ManyFormsScreen<Key> extends FormScreen {
  static override properties = {
    ...FormScreen.properties,
    ...states('errorsFor'),
  };

  /** The form the current problems belong to. */
  declare protected errorsFor?: Key;

  /** The id of a form's error summary. */
  protected abstract summaryOf(key: Key): string;

  protected clearErrors(): void {
    this.errorsFor = undefined;
    this.errors = {};
    this.general = [];
  }

  /** Shows a form's problems and moves focus to its summary. */
  protected async showErrors(key: Key, errors: FieldErrors, general: string[] = []): Promise<void> {
    this.errorsFor = key;
    this.errors = errors;
    this.general = general;
    await focusSummary(this, this.summaryOf(key));
  }
}
