import { MedverkaDialogues } from './dialogues.element.js';

// A page may carry the loader twice (two editors, two snippets); define once.
if (!customElements.get('medverka-dialogues')) customElements.define('medverka-dialogues', MedverkaDialogues);

declare global {
  interface HTMLElementTagNameMap {
    'medverka-dialogues': MedverkaDialogues;
  }
}
