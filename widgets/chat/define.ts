import { MedverkaChat } from './chat.element.js';

// A page may carry the loader twice (two editors, two snippets); define once.
if (!customElements.get('medverka-chat')) customElements.define('medverka-chat', MedverkaChat);

declare global {
  interface HTMLElementTagNameMap {
    'medverka-chat': MedverkaChat;
  }
}
