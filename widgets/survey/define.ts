import { MedverkaSurvey } from './survey.element.js';

// A page may carry the loader twice (two editors, two snippets); define once.
if (!customElements.get('medverka-survey')) customElements.define('medverka-survey', MedverkaSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'medverka-survey': MedverkaSurvey;
  }
}
