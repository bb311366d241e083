/**
 * What an agent reads of a conversation: its messages, as a live log, and the facts about it
 * (who wrote, in which language, who has it, how it was rated).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import type { StaffUser } from '../kit/api.js';
import { dateTime } from '../kit/labels.js';
import type { StreamState } from '../kit/live-stream.js';
import type { ChatMessage, StaffConversation } from './chat-api.js';
import { clockTime, residentName, systemText } from './chat-labels.js';

/** One message, with who wrote it ("Du" for the agent reading) and when. */
export function renderMessage(m: ChatMessage, c: StaffConversation, user: StaffUser | undefined, locale: string): TemplateResult {
  const time = html`<time datetime=${m.createdAt}>${clockTime(m.createdAt, locale)}</time>`;
  if (m.author === 'system') {
    return html`<li class="message system" data-id=${m.id}>${systemText(m)} · ${time}</li>`;
  }
  const from =
    m.author === 'resident'
      ? residentName(c)
      : m.staffName && m.staffName === user?.name
        ? msg(str`Du (${m.staffName})`, { id: 'console.chat.from-you' })
        : (m.staffName ?? msg('Handläggare', { id: 'console.chat.from-staff' }));
  return html`<li class="message ${m.author}" data-id=${m.id}>
    <p class="from"><strong>${from}</strong> ${time}</p>
    <p class="body">${m.body}</p>
    ${m.masked
      ? html`<p class="masked">
          ${msg('Ett personnummer doldes i meddelandet innan det sparades.', { id: 'console.chat.masked' })}
        </p>`
      : nothing}
  </li>`;
}

/** The messages as a log that screen readers follow, with a warning while the stream is away. */
export function renderLog(messages: ChatMessage[], streamState: StreamState, message: (m: ChatMessage) => TemplateResult): TemplateResult {
  return html`<h2 id="log-heading">${msg('Meddelanden', { id: 'console.chat.messages' })}</h2>
    ${streamState === 'reconnecting'
      ? html`<div class="notice warning">
          <p>${msg('Anslutningen till servern bröts. Nya meddelanden visas när den är tillbaka.', { id: 'console.chat.conversation-reconnecting' })}</p>
        </div>`
      : nothing}
    <div class="log" role="log" aria-labelledby="log-heading" tabindex="0">
      <ul>
        ${messages.map(message)}
      </ul>
    </div>`;
}

/** What is known about the conversation; a fact not known is left out. */
export function renderFacts(c: StaffConversation, locale: string): TemplateResult {
  const row = (label: string, value: unknown, cls = '') => (value ? html`<dt>${label}</dt><dd class=${cls}>${value}</dd>` : nothing);
  return html`<h2>${msg('Om samtalet', { id: 'console.chat.facts' })}</h2>
    <dl class="facts">
      ${row(msg('Namn', { id: 'console.chat.name' }), c.name, 'name')}
      ${row(msg('E-post', { id: 'console.chat.email' }), c.email, 'email')}
      ${row(msg('Språk', { id: 'console.chat.lang' }), c.lang === 'en' ? msg('Engelska', { id: 'console.english' }) : msg('Svenska', { id: 'console.swedish' }))}
      ${row(msg('Handläggare', { id: 'console.chat.agent' }), c.agent?.name, 'agent')}
      ${row(msg('Startat', { id: 'console.chat.started' }), html`<time datetime=${c.createdAt}>${dateTime(c.createdAt, locale)}</time>`)}
      ${row(msg('Avslutat', { id: 'console.chat.status.closed' }), c.closedAt && html`<time datetime=${c.closedAt}>${dateTime(c.closedAt, locale)}</time>`)}
      ${row(msg('Betyg', { id: 'console.chat.rating' }), c.rating !== null && msg(str`${c.rating} av 5`, { id: 'console.chat.rating-value' }), 'rating')}
    </dl>`;
}
