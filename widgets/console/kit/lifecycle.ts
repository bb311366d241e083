/**
 * The steps of a budget, poll or survey (open, close, approve, send …), each taken only after
 * a question and a "yes": one Lit reactive controller, so the three screens ask, cancel, take
 * a step and show what went wrong alike.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { renderConfirm } from './fields.js';
import { errorSummary, focusSummary } from './forms.js';

/** The screen a lifecycle belongs to. */
export interface LifecycleHost extends ReactiveControllerHost {
  /** Whether a request is out (a save or a step): a second one waits. */
  busy: boolean;
  focusOn(selector: string): Promise<void>;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Said after a step's question when the form holds changes the step does not take along. */
export function unsavedWarning(dirty: boolean): string {
  return dirty ? ` ${msg('Ändringar i formuläret som inte är sparade följer inte med.', { id: 'console.budget.unsaved-warning' })}` : '';
}

export interface LifecycleOptions<Step extends string, Result> {
  /** The button that asks for a step, where focus goes back when the question is cancelled. */
  buttonId: (step: Step) => string;
  /** The question a step asks before it is taken, and the button that says yes. */
  words: (step: Step) => [question: string, yes: string];
  /** Whether saying yes cannot be undone in a way that loses something (a red button). */
  danger?: (step: Step) => boolean;
  /** Takes the step at the server. */
  take: (step: Step) => Promise<Result>;
  /** Shows what the step did, once the question has gone. */
  done: (step: Step, result: Result) => Promise<void>;
  /** Shows why the step was not taken (a problem in `problems`, or in a form of its own). */
  failed: (step: Step, err: unknown) => Promise<void>;
}

export class Lifecycle<Step extends string, Result = unknown> implements ReactiveController {
  #confirming?: Step;
  #problems: string[] = [];

  constructor(
    private readonly host: LifecycleHost,
    private readonly options: LifecycleOptions<Step, Result>,
  ) {
    host.addController(this);
  }

  /** A screen taken off the page forgets its open question (it is asked again when wanted). */
  hostDisconnected(): void {
    this.#confirming = undefined;
  }

  /** The step waiting for "yes", if any. */
  get confirming(): Step | undefined {
    return this.#confirming;
  }

  set confirming(step: Step | undefined) {
    this.#confirming = step;
    this.host.requestUpdate();
  }

  /** Why the last step was not taken, in words; shown in the actions' error summary. */
  get problems(): string[] {
    return this.#problems;
  }

  set problems(problems: string[]) {
    this.#problems = problems;
    this.host.requestUpdate();
  }

  /** Says why a step was not taken, in the actions' error summary, which takes focus. */
  async fail(problem: string): Promise<void> {
    this.problems = [problem];
    await focusSummary(this.host, 'actions-errors');
  }

  /** The status heading (focus goes there after a step), with why the last step was not taken. */
  renderStatus(status: string): TemplateResult {
    return html`<h2 id="status-heading" tabindex="-1">${msg(str`Status: ${status}`, { id: 'console.budget.status-heading' })}</h2>
      ${errorSummary('actions-errors', {}, this.#problems, [], () => this.host.renderRoot as ShadowRoot)}`;
  }

  /** Asks before taking `step`: the question takes focus. */
  async ask(step: Step): Promise<void> {
    this.confirming = step;
    this.problems = [];
    await this.host.focusOn('#confirm-question');
  }

  /** Not now: the question goes, and focus goes back to the button that asked it. */
  async cancel(): Promise<void> {
    const step = this.#confirming;
    this.confirming = undefined;
    if (step) await this.host.focusOn(`#${this.options.buttonId(step)}`);
  }

  /**
   * Takes `step` (the "yes"), unless its request is already out. Busy lasts only while the
   * step's own request does: what `done` loads after (the survey's results again) must not
   * swallow a "yes" to the next step said meanwhile.
   */
  async take(step: Step): Promise<void> {
    if (this.host.busy) return;
    this.host.busy = true;
    let result: Result;
    try {
      result = await this.options.take(step);
    } catch (err) {
      this.confirming = undefined;
      this.host.busy = false;
      await this.options.failed(step, err);
      return;
    }
    this.confirming = undefined;
    this.problems = [];
    this.host.busy = false;
    await this.options.done(step, result);
  }

  /** The question of `step`, with "yes" and "cancel". */
  renderConfirm(step: Step): TemplateResult {
    const [question, yes] = this.options.words(step);
    return renderConfirm(
      question,
      yes,
      this.host.busy,
      () => void this.take(step),
      () => void this.cancel(),
      this.options.danger?.(step) ?? false,
    );
  }

  /** A button that asks for `step`. */
  button(step: Step, label: string, cls = ''): TemplateResult {
    return html`<button type="button" class=${cls} id=${this.options.buttonId(step)} @click=${() => void this.ask(step)}>${label}</button>`;
  }

  /** What the status means for staff, and below it the buttons that ask for the next steps (or the question one of `only` asks). */
  renderNext(notice: string, buttons: readonly TemplateResult[], only?: readonly Step[]): TemplateResult {
    return html`<p>${notice}</p>
      ${this.renderAsking(buttons.length ? html`<div class="actions">${buttons}</div>` : nothing, only)}`;
  }

  /** The question waiting for "yes" (of one of `only`, when given), else `otherwise` (the buttons that ask). */
  renderAsking<T extends TemplateResult | typeof nothing>(otherwise: T, only?: readonly Step[]): TemplateResult | T {
    const step = this.#confirming;
    return step && (!only || only.includes(step)) ? this.renderConfirm(step) : otherwise;
  }
}
