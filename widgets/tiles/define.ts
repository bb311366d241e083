import { MedverkaTiles } from './tiles.element.js';

// A page may carry the loader twice (two editors, two snippets); define once.
if (!customElements.get('medverka-tiles')) customElements.define('medverka-tiles', MedverkaTiles);

declare global {
  interface HTMLElementTagNameMap {
    'medverka-tiles': MedverkaTiles;
  }
}
