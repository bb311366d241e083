import { MedverkaPoll } from './poll.element.js';

// A page may carry the loader twice (two editors, two snippets); define once.
if (!customElements.get('medverka-poll')) customElements.define('medverka-poll', MedverkaPoll);

declare global {
  interface HTMLElementTagNameMap {
    'medverka-poll': MedverkaPoll;
  }
}
