import { html, nothing, type CSSResultGroup, type TemplateResult } from 'lit';
import type { StaffUser } from './api.js';
import { MedverkaElement } from '../../shared/base-element.js';
import { en } from '../strings.js';
import { consoleStyles } from './console.styles.js';

/** Something the console says politely, e.g. "Sparat". */
export interface ConsoleAnnounceDetail {
  message: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** A screen has news for the console's live region. */
    'medverka-console-announce': CustomEvent<ConsoleAnnounceDetail>;
    /** The session ended (signed out, or everywhere); the console asks for sign-in again. */
    'medverka-console-signed-out': CustomEvent<void>;
    /** Someone signed in. */
    'medverka-console-signed-in': CustomEvent<{ user: StaffUser }>;
  }
}

/**
 * What every console screen shares: the console's styles and strings, a heading the console
 * moves focus to when the screen is opened, and a way to say things through the console's
 * live region.
 */
export class ConsoleScreen extends MedverkaElement {
  /** A screen adds its own sheets after these: `[...ConsoleScreen.styles, mine]`. */
  static override styles: CSSResultGroup[] = consoleStyles;
  static override translations = { en };

  /** The screen's name, its h1 (see renderHeading). */
  static heading?: () => string;
  /** What the screen is for, in a sentence or two under its name. */
  static intro?: () => string;

  /** The screen's h1 and intro, from its class's `heading` and `intro`. */
  protected renderHeading(): TemplateResult {
    const screen = this.constructor as typeof ConsoleScreen;
    return screenHeading(screen.heading?.() ?? '', screen.intro?.());
  }

  /** Focuses the screen's h1 (it has tabindex="-1"), once the screen has rendered. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** Says something through the console's polite live region. */
  protected announce(message: string): void {
    this.dispatchEvent(new CustomEvent('medverka-console-announce', { detail: { message }, bubbles: true, composed: true }));
  }

  /** Moves focus to an element of this screen once it has rendered. */
  async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

/**
 * A screen's top: its h1 (the console moves focus there when the screen opens) and, when
 * given, the paragraph that says what the screen is for.
 */
export function screenHeading(title: string, intro?: string | TemplateResult): TemplateResult {
  return html`<h1 tabindex="-1">${title}</h1>
    ${intro ? html`<p>${intro}</p>` : nothing}`;
}
