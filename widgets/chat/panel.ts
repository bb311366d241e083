/**
 * The conversation panel's chunk: the launcher imports it when the resident opens the chat
 * (or when a conversation from an earlier page is still going). Defines the panel's tag.
 */
import { MedverkaChatPanel } from './panel.element.js';

export { MedverkaChatPanel };

if (!customElements.get('medverka-chat-panel')) customElements.define('medverka-chat-panel', MedverkaChatPanel);

declare global {
  interface HTMLElementTagNameMap {
    'medverka-chat-panel': MedverkaChatPanel;
  }
}
