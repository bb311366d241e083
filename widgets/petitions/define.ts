import { MedverkaPetitions } from './petitions.element.js';

// A page may carry the loader twice (two editors, two snippets); define once.
if (!customElements.get('medverka-petitions')) customElements.define('medverka-petitions', MedverkaPetitions);

declare global {
  interface HTMLElementTagNameMap {
    'medverka-petitions': MedverkaPetitions;
  }
}
