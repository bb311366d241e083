import { MedverkaPetition } from './petition.element.js';

// A page may carry the loader twice (two editors, two snippets); define once.
if (!customElements.get('medverka-petition')) customElements.define('medverka-petition', MedverkaPetition);

declare global {
  interface HTMLElementTagNameMap {
    'medverka-petition': MedverkaPetition;
  }
}
