import { states } from '../../shared/base-element.js';
import type { FieldErrors } from './forms.js';
import { ConsoleScreen } from './screen.js';

/**
 * A screen with a form: what its fields got wrong, the problems no field shows, and whether a
 * request is out (a second submit waits for it).
 */
export abstract class FormScreen<Problem = string> extends ConsoleScreen {
  static override properties = { ...ConsoleScreen.properties, ...states('errors', 'general', 'busy') };

  /** Problems by field name, as the server or the form's own checks said them. */
  declare protected errors: FieldErrors;
  /** Problems no field shows. */
  declare protected general: Problem[];
  /** Whether a request is out (a save or a step). */
  declare busy: boolean;

  constructor() {
    super();
    this.errors = {};
    this.general = [];
    this.busy = false;
  }
}
