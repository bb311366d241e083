import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import type { ChatMessage } from '../widgets/chat/chat-api.js';
import '../widgets/chat/define.js';
import { challenge, mockApi, type MockRoutes } from './mock-api.js';
import { inEnglish } from './widget-story.js';

/**
 * The story args are the element's attributes, as an editor writes them in the embed code;
 * their descriptions and the events, parts and custom properties in the table come from
 * custom-elements.json (see .storybook/preview.ts).
 */
interface ChatArgs {
  api?: string;
  'prompt-delay'?: string;
  /** Not an attribute: a conversation kept in sessionStorage, as after a reload (the story sets it up). */
  conversation?: 'open' | 'closed';
  onMedverkaChatOpened?: (event: Event) => void;
  onMedverkaChatStarted?: (event: Event) => void;
  onMedverkaChatEnded?: (event: Event) => void;
}

const id = 7;
const conversationPath = `api/chat/conversations/${id}`;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const message = (n: number, author: ChatMessage['author'], body: string, more: Partial<ChatMessage> = {}): ChatMessage => ({
  id: n,
  author,
  staffName: author === 'resident' ? null : 'Chris Chatt',
  body,
  masked: false,
  createdAt: minutesAgo(10 - n),
  ...more,
});

const question = message(1, 'resident', 'Hej! När hämtas soporna på Storgatan 3?');
const joined = message(2, 'system', 'joined');
const answer = message(3, 'staff', 'Hej! Soporna hämtas varannan tisdag. Nästa gång är den 1 december.');
const masked = message(4, 'resident', 'Mitt personnummer är XXXXXX-XXXX, kan du kolla min faktura?', { masked: true });
const maskAnswer = message(5, 'staff', 'Det kan jag inte göra här i chatten. Ring oss så hjälper vi dig.');
const endedByStaff = message(6, 'system', 'ended-by-staff');

const nextMonday = (() => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  d.setUTCHours(7, 0, 0, 0);
  return d.toISOString();
})();

/** The routes every conversation story shares: open now, and the resident's calls answered. */
const base = (hours: { open: boolean; nextOpening: string | null } = { open: true, nextOpening: minutesAgo(0) }): MockRoutes => ({
  'api/chat/status': { json: hours },
  'api/pow/challenge': { json: challenge },
  'POST api/chat/conversations': { status: 201, json: { conversation: { id, status: 'waiting' }, token: 'story-token-0123456789abcdef', message: question } },
  [`POST ${conversationPath}/messages`]: { status: 201, json: { message: message(9, 'resident', 'Tack! Och grovsopor?', { createdAt: minutesAgo(0) }) } },
  [`POST ${conversationPath}/end`]: { json: { conversation: { id, status: 'closed' } } },
  [`POST ${conversationPath}/transcript`]: { status: 202, json: { sent: true, to: 'bo@example.se' } },
  [`POST ${conversationPath}/rating`]: { json: { rating: 4 } },
  'POST api/chat/cases': { status: 201, json: { case: { id: 3 } } },
});

type StreamEvent = { event: string; data: unknown; afterMs: number };
const status = (s: 'waiting' | 'ongoing' | 'closed', agentName: string | null = null, afterMs = 0, email: string | null = null): StreamEvent => ({
  event: 'status',
  data: { status: s, agentName, email },
  afterMs,
});
const events = (...messages: [ChatMessage, number][]): StreamEvent[] => messages.map(([data, afterMs]) => ({ event: 'message', data, afterMs }));
/** The conversation's event stream: a status, then messages. */
const stream = (...list: StreamEvent[]): MockRoutes => ({ [`${conversationPath}/events`]: { events: list } });

const chat = (args: ChatArgs) => {
  // A conversation from "an earlier page": what the widget keeps in sessionStorage from the first message on.
  if (args.conversation && args.api) {
    sessionStorage.setItem(`medverka-chat ${new URL(args.api).origin}`, JSON.stringify({ id, token: 'story-token-0123456789abcdef', open: args.conversation === 'open' }));
  }
  return html`
    <p>Kontaktcenter svarar på frågor om allt som kommunen gör. Du kan också ringa 0123-45 67 89.</p>
    <medverka-chat
      api=${ifDefined(args.api || undefined)}
      prompt-delay=${ifDefined(args['prompt-delay'])}
      @medverka-chat-opened=${args.onMedverkaChatOpened}
      @medverka-chat-started=${args.onMedverkaChatStarted}
      @medverka-chat-ended=${args.onMedverkaChatEnded}
    ></medverka-chat>
  `;
};

const meta = {
  title: 'Widgets/Chat',
  component: 'medverka-chat',
  render: (args) => chat(args),
  args: {
    api: mockApi('chat', base()),
    'prompt-delay': '1',
    onMedverkaChatOpened: fn(),
    onMedverkaChatStarted: fn(),
    onMedverkaChatEnded: fn(),
  },
  argTypes: {
    api: { control: 'text' },
    'prompt-delay': { control: 'text' },
    conversation: { table: { disable: true } },
  },
  parameters: {
    // The launcher floats in the corner and the panel is a dialog: each story in a frame of its own.
    docs: { story: { inline: false, iframeHeight: 640 } },
    layout: 'fullscreen',
  },
} satisfies Meta<ChatArgs>;

export default meta;
type Story = StoryObj<ChatArgs>;

const launcher = (canvas: HTMLElement) => canvas.querySelector('medverka-chat')!;
/** Something inside the panel, once it is there. */
const inPanel = <T extends HTMLElement = HTMLElement>(canvas: HTMLElement, selector: string, timeout?: number) =>
  waitFor(
    () => {
      const el = launcher(canvas).shadowRoot?.querySelector('medverka-chat-panel')?.shadowRoot?.querySelector<T>(selector);
      if (!el) throw new Error(`${selector} is not shown yet.`);
      return el;
    },
    { timeout },
  );
const open = async (canvas: HTMLElement) => {
  await userEvent.click(launcher(canvas).shadowRoot!.querySelector('.open')!);
};

/**
 * The launcher, with its prompt after a second (`prompt-delay`, default 5 s). On a wide
 * screen it floats in the bottom right corner; below 40rem it sits where the tag is.
 */
export const Launcher: Story = {};

/** The resident hid the prompt: it stays hidden for this page view, and focus is on the button. */
export const PromptDismissed: Story = {
  name: 'Prompt hidden',
  args: { 'prompt-delay': '0' },
  play: async ({ canvasElement }) => {
    const hide = await waitFor(() => {
      const b = launcher(canvasElement).shadowRoot?.querySelector<HTMLButtonElement>('.shown .hide');
      if (!b) throw new Error('No prompt yet.');
      return b;
    });
    await userEvent.click(hide);
  },
};

/** Opened while the contact centre is open: name and e-mail address are optional; focus is on the first field. */
export const StartForm: Story = {
  name: 'Open: start form',
  play: async ({ canvasElement, args }) => {
    await open(canvasElement);
    await inPanel(canvasElement, '#name');
    await expect(args.onMedverkaChatOpened).toHaveBeenCalled();
  },
};

/** The first message is sent: the conversation is kept in sessionStorage from now on, and waits for someone to answer. */
export const Waiting: Story = {
  args: { api: mockApi('chat-waiting', { ...base(), ...stream(status('waiting'), ...events([question, 0])) }) },
  play: async ({ canvasElement, args }) => {
    await open(canvasElement);
    await userEvent.type(await inPanel(canvasElement, '#name'), 'Bo Berg');
    await userEvent.type(await inPanel(canvasElement, '#message'), question.body);
    await userEvent.click(await inPanel(canvasElement, 'form button[type=submit]'));
    await inPanel(canvasElement, '#draft');
    await expect(args.onMedverkaChatStarted).toHaveBeenCalled();
  },
};

/** A reply arrives live (server-sent events) and is announced politely; the header says who answers. */
export const Conversation: Story = {
  args: {
    conversation: 'open',
    api: mockApi('chat-conversation', { ...base(), ...stream(status('waiting'), ...events([question, 0]), status('ongoing', 'Chris Chatt', 1500), ...events([joined, 0], [answer, 1500])) }),
  },
};

/** A personnummer was masked in the resident's message: a note says so, and not to write one. */
export const MaskedPersonnummer: Story = {
  name: 'Masked personnummer',
  args: {
    conversation: 'open',
    api: mockApi('chat-masked', { ...base(), ...stream(status('ongoing', 'Chris Chatt'), ...events([question, 0], [joined, 0], [answer, 0], [masked, 0], [maskAnswer, 0])) }),
  },
};

/** A conversation from an earlier page, panel closed: a reply has come, shown as a new message on the launcher. */
export const NewMessageWhileClosed: Story = {
  name: 'New message, panel closed',
  args: {
    conversation: 'closed',
    api: mockApi('chat-unread', { ...base(), ...stream(status('ongoing', 'Chris Chatt'), ...events([question, 0], [joined, 0], [answer, 1500])) }),
  },
};

/** Staff ended the conversation: the transcript by e-mail to the address given at the start, a one-question rating, and a new conversation. */
export const Ended: Story = {
  args: {
    conversation: 'open',
    api: mockApi('chat-ended', { ...base(), ...stream(status('closed', 'Chris Chatt', 0, 'bo@example.se'), ...events([question, 0], [joined, 0], [answer, 0], [endedByStaff, 0])) }),
  },
};

/** Ended, but the resident gave no e-mail address at the start: the transcript cannot be mailed, and the panel says so. */
export const EndedWithoutAddress: Story = {
  name: 'Ended: no address given at the start',
  args: {
    conversation: 'open',
    api: mockApi('chat-ended-no-address', { ...base(), ...stream(status('closed', 'Chris Chatt'), ...events([question, 0], [joined, 0], [answer, 0], [endedByStaff, 0])) }),
  },
};

/** After the end: the transcript mailed and the rating sent. */
export const EndedAndRated: Story = {
  name: 'Ended: transcript and rating sent',
  args: {
    conversation: 'open',
    api: mockApi('chat-rated', { ...base(), ...stream(status('closed', 'Chris Chatt', 0, 'bo@example.se'), ...events([question, 0], [joined, 0], [answer, 0], [endedByStaff, 0])) }),
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(await inPanel(canvasElement, '.transcript button[type=submit]'));
    await userEvent.click(await inPanel(canvasElement, '#rating-4'));
    await userEvent.click(await inPanel(canvasElement, 'fieldset ~ button'));
    await inPanel(canvasElement, '#rating-done');
  },
};

/** Outside opening hours: when it opens again, and a form to leave a message (the e-mail address is needed). */
export const Closed: Story = {
  name: 'Closed: leave a message',
  args: { api: mockApi('chat-closed', base({ open: false, nextOpening: nextMonday })) },
  play: async ({ canvasElement }) => {
    await open(canvasElement);
    await inPanel(canvasElement, '#email');
  },
};

/** Outside opening hours: opens the chat and leaves a message, as a resident would. */
async function leaveMessage(canvasElement: HTMLElement, email: string, message: string) {
  await open(canvasElement);
  await userEvent.type(await inPanel(canvasElement, '#email'), email);
  await userEvent.type(await inPanel(canvasElement, '#message'), message);
  await userEvent.click(await inPanel(canvasElement, 'form button[type=submit]'));
}

/** The message was left: a thank-you, and a receipt mailed. */
export const MessageLeft: Story = {
  name: 'Closed: message left',
  args: { api: mockApi('chat-left', base({ open: false, nextOpening: nextMonday })) },
  play: async ({ canvasElement }) => {
    await leaveMessage(canvasElement, 'dagny@example.se', 'Gatlyktan utanför Storgatan 3 är trasig.');
    await inPanel(canvasElement, '#left-heading');
  },
};

/** The server refused the e-mail domain (e.g. a throwaway mailbox): said at the field. */
export const EmailRefused: Story = {
  name: 'Error: e-mail domain refused',
  args: {
    api: mockApi('chat-refused', {
      ...base({ open: false, nextOpening: nextMonday }),
      'POST api/chat/cases': { status: 400, code: 'email_domain_refused', message: 'Addresses from that e-mail domain are not accepted here.', issues: [{ path: 'email', message: 'not accepted' }] },
    }),
  },
  play: async ({ canvasElement }) => {
    await leaveMessage(canvasElement, 'tillfallig@mailinator.com', 'Hej!');
    await inPanel(canvasElement, '#email-error');
  },
};

/** Writing too fast (429): how long to wait, and the message is kept in the box. */
export const TooFast: Story = {
  name: 'Error: too many messages',
  args: {
    conversation: 'open',
    api: mockApi('chat-429', {
      ...base(),
      ...stream(status('ongoing', 'Chris Chatt'), ...events([question, 0], [joined, 0], [answer, 0])),
      [`POST ${conversationPath}/messages`]: { status: 429, code: 'rate_limited', message: 'Too many requests.', retryAfter: 8 },
    }),
  },
  play: async ({ canvasElement }) => {
    await userEvent.type(await inPanel(canvasElement, '#draft'), 'Hallå?{Enter}');
    await inPanel(canvasElement, '.problem');
  },
};

/** The connection is lost and the server answers 503: said after a few seconds, while the widget reconnects with backoff. */
export const ConnectionLost: Story = {
  name: 'Error: connection lost',
  args: {
    conversation: 'open',
    api: mockApi('chat-lost', { ...base(), [`${conversationPath}/events`]: { status: 503, code: 'unavailable', message: 'Down for maintenance.' } }),
  },
};

/**
 * The chat's server cannot be reached when opened: it answers 503 every time. The panel asks
 * three times, a second or two apart (as every widget's read does), before it says so.
 */
export const Unreachable: Story = {
  name: 'Error: unreachable',
  args: { api: mockApi('chat-down', { 'api/chat/status': { status: 503, code: 'unavailable', message: 'Down for maintenance.' } }) },
  play: async ({ canvasElement }) => {
    await open(canvasElement);
    await inPanel(canvasElement, '[role=alert]', 6000);
  },
};

/** A stored conversation the server no longer knows (404): given up, with a way to start anew. */
export const Gone: Story = {
  args: {
    conversation: 'open',
    api: mockApi('chat-gone', { ...base(), [`${conversationPath}/events`]: { status: 404, code: 'conversation_not_found', message: 'There is no such conversation.' } }),
  },
};

/** Inside `lang="en"`: every text in English, system messages too. */
export const English: Story = {
  args: {
    conversation: 'open',
    api: mockApi('chat-english', { ...base(), ...stream(status('ongoing', 'Chris Chatt'), ...events([{ ...question, body: 'Hello! When is the rubbish collected?' }, 0], [joined, 0], [{ ...answer, body: 'Every other Tuesday.' }, 0])) }),
  },
  decorators: [inEnglish],
};

/** 320 px, the narrowest a page must work at (WCAG 1.4.10): the launcher in the flow, the panel full screen. */
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  args: { api: mockApi('chat-narrow', base()), 'prompt-delay': '0' },
  // The layout follows the window's width (a media query), so the story sets the viewport rather than a narrow box.
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};
