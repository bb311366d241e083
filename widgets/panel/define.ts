import { MedverkaPanel } from './panel.element.js';

// A page may carry the loader twice (two editors, two snippets); define once.
if (!customElements.get('medverka-panel')) customElements.define('medverka-panel', MedverkaPanel);

declare global {
  interface HTMLElementTagNameMap {
    'medverka-panel': MedverkaPanel;
  }
}
