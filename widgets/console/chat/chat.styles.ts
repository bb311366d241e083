import { css } from 'lit';
import { confirmStyles } from '../kit/style-blocks.js';

/** The chat screens' own styles, on top of the console's. */
export const chatStyles = [
  confirmStyles,
  css`
    h2[tabindex='-1']:focus,
    h3[tabindex='-1']:focus,
    p[tabindex='-1']:focus,
    div[tabindex='-1']:focus {
      outline: none;
    }
    .lists {
      display: grid;
      gap: 0 2rem;
      align-items: start;
    }
    @media (min-width: 56rem) {
      .lists {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      }
    }
    .lists h2 {
      margin-top: 1rem;
    }
    ul.conversations {
      margin: 0 0 1rem;
      padding: 0;
      list-style: none;
    }
    ul.conversations > li {
      margin: 0 0 0.75rem;
      padding: 0.75rem 1rem;
      border: 1px solid var(--_border);
      border-inline-start: 0.3125rem solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    ul.conversations > li.waiting {
      border-inline-start-color: var(--_warning);
    }
    ul.conversations > li.mine {
      border-inline-start-color: var(--_accent);
    }
    ul.conversations p {
      margin: 0.25rem 0 0;
    }
    .conversation-name {
      font-size: 1.125rem;
      font-weight: 700;
      overflow-wrap: anywhere;
    }
    .preview {
      overflow-wrap: anywhere;
      white-space: pre-line;
      /* A long message shows as three lines at most. */
      display: -webkit-box;
      -webkit-line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .meta {
      color: var(--_muted);
      font-size: 0.9375rem;
    }
    .none {
      color: var(--_muted);
    }

    /* One conversation */
    .layout {
      display: grid;
      gap: 0 2rem;
      align-items: start;
    }
    @media (min-width: 64rem) {
      .layout {
        grid-template-columns: minmax(0, 3fr) minmax(16rem, 1fr);
      }
    }
    .log {
      max-height: min(60vh, 40rem);
      overflow-y: auto;
      margin: 0 0 1rem;
      padding: 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_subtle);
    }
    .log:focus-visible {
      outline: 3px solid var(--_accent);
      outline-offset: 2px;
    }
    .log ul {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .message {
      max-width: min(36rem, 90%);
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .message.staff {
      align-self: flex-end;
      border-color: var(--_accent);
    }
    .message.system {
      align-self: center;
      max-width: 100%;
      padding: 0.25rem 0.5rem;
      border: 0;
      background: none;
      color: var(--_muted);
      font-style: italic;
      text-align: center;
    }
    .message .from {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.5rem;
      margin: 0 0 0.25rem;
      font-size: 0.875rem;
    }
    .message .from strong {
      margin-inline-end: auto;
    }
    .message .body {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .message .masked {
      margin: 0.25rem 0 0;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    .reply textarea {
      min-height: 6rem;
    }
    .canned {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5rem;
      margin: 0 0 1rem;
    }
    .canned .field {
      flex: 1 1 14rem;
      margin: 0;
    }
    /* Handing a conversation over is asked in the accent colour; closing it or removing an answer in red. */
    .confirm {
      border-color: var(--_accent);
    }
    .confirm.danger {
      border-color: var(--_danger);
    }
    .confirm h3 {
      margin-top: 0;
    }
    /* Someone else has the conversation: the button stays in the tab order, with its reason, but looks unavailable. */
    button.blocked,
    button.blocked:hover {
      border-color: var(--_border);
      background: var(--_surface);
      color: var(--_muted);
      text-decoration: none;
      cursor: not-allowed;
    }

    /* Canned answers */
    ul.answers {
      max-width: 48rem;
      margin: 0 0 1.5rem;
      padding: 0;
      list-style: none;
    }
    ul.answers > li {
      margin: 0 0 0.75rem;
      padding: 0.75rem 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    ul.answers h3 {
      margin: 0 0 0.25rem;
      overflow-wrap: anywhere;
    }
    ul.answers .body {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    ul.answers .actions {
      margin: 0.5rem 0 0;
    }
    @media (forced-colors: active) {
      ul.conversations > li,
      ul.answers > li,
      .log,
      .message,
      .confirm {
        border-color: CanvasText;
      }
      button.blocked {
        border-color: GrayText;
        color: GrayText;
      }
      ul.conversations > li.waiting,
      ul.conversations > li.mine {
        border-inline-start-color: Highlight;
      }
    }
  `,
];
