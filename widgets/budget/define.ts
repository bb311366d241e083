import { MedverkaBudget } from './budget.element.js';

// A page may carry the loader twice (two editors, two snippets); define once.
if (!customElements.get('medverka-budget')) customElements.define('medverka-budget', MedverkaBudget);

declare global {
  interface HTMLElementTagNameMap {
    'medverka-budget': MedverkaBudget;
  }
}
