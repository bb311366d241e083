import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import type { PollResults, PublicPoll } from '../widgets/poll/poll-api.js';
import '../widgets/poll/define.js';
import { mockApi, type MockRoutes } from './mock-api.js';
import { embedded, inEnglish, loadErrorStory, loadingStory, narrow, notFoundStory, shownIn, type WidgetArgs, widgetArgTypes } from './widget-story.js';

/**
 * The story args are the element's attributes, as an editor writes them in the embed code;
 * their descriptions and the events, parts and custom properties in the table come from
 * custom-elements.json (see .storybook/preview.ts).
 */
interface PollArgs extends WidgetArgs {
  poll?: string;
  presenter?: boolean;
  onMedverkaPollAnswered?: (event: Event) => void;
}

const pollPath = 'api/polls/7';

const single: PublicPoll = {
  id: 7,
  question: { sv: 'Vad ska den nya parken i centrum ha mest av?', en: 'What should the new park in the town centre have most of?' },
  kind: 'single',
  options: [
    { id: 21, label: { sv: 'Träd och blommor', en: 'Trees and flowers' } },
    { id: 22, label: { sv: 'Lekplats', en: 'A playground' } },
    { id: 23, label: { sv: 'Bänkar och platser att sitta', en: 'Benches and places to sit' } },
    { id: 24, label: { sv: 'Plats för evenemang och marknader', en: 'Room for events and markets' } },
  ],
  scaleLabels: null,
  status: 'open',
  results: { total: 57, counts: { '21': 19, '22': 14, '23': 17, '24': 7 } },
};

const multiple: PublicPoll = {
  ...single,
  question: { sv: 'Hur tar du dig till jobbet eller skolan?', en: 'How do you get to work or school?' },
  kind: 'multiple',
  options: [
    { id: 31, label: { sv: 'Går', en: 'On foot' } },
    { id: 32, label: { sv: 'Cyklar', en: 'By bike' } },
    { id: 33, label: { sv: 'Buss eller tåg', en: 'By bus or train' } },
    { id: 34, label: { sv: 'Bil', en: 'By car' } },
  ],
  results: { total: 40, counts: { '31': 12, '32': 18, '33': 21, '34': 9 } },
};

const scale: PublicPoll = {
  ...single,
  question: { sv: 'Hur nöjd är du med snöröjningen i vinter?', en: 'How happy are you with the snow clearing this winter?' },
  kind: 'scale',
  options: [1, 2, 3, 4, 5].map((n) => ({ id: n, label: { sv: String(n), en: null } })),
  scaleLabels: { low: { sv: 'Inte alls nöjd', en: 'Not at all happy' }, high: { sv: 'Mycket nöjd', en: 'Very happy' } },
  results: { total: 83, counts: { '1': 9, '2': 14, '3': 25, '4': 23, '5': 12 } },
};

const closed: PublicPoll = { ...single, status: 'closed' };

/** The results after one more answer for `choice`. */
const plus = (poll: PublicPoll, ...choices: number[]): PollResults => ({
  total: poll.results.total + 1,
  counts: Object.fromEntries(Object.entries(poll.results.counts).map(([id, n]) => [id, n + (choices.includes(Number(id)) ? 1 : 0)])),
});

/** The poll, its answer (201 with the results), and a live stream that says the same at once. */
const routes = (poll: PublicPoll, answered = plus(poll, poll.options[0]!.id)): MockRoutes => ({
  [pollPath]: { json: { poll } },
  [`POST ${pollPath}/answers`]: { json: { results: answered }, status: 201 },
  [`${pollPath}/live`]: { events: [{ event: 'results', afterMs: 0, data: { status: poll.status, results: poll.results } }] },
});

/** A stream in which other residents answer every two seconds while the page is open. */
const liveRoutes = (poll: PublicPoll, extra: number[]): MockRoutes => {
  let results = poll.results;
  const events = extra.map((choice, i) => {
    results = { total: results.total + 1, counts: { ...results.counts, [choice]: (results.counts[choice] ?? 0) + 1 } };
    return { event: 'results', afterMs: i === 0 ? 0 : 2000, data: { status: poll.status, results } };
  });
  return { ...routes(poll), [`${pollPath}/live`]: { events } };
};

/** The answer this browser remembers for a story's mock API, forgotten before the story runs again. */
const forget = (api: string) => () => localStorage.removeItem(`medverka-poll ${new URL(api).origin} 7`);

const defaultApi = mockApi('poll', routes(single));

const meta = {
  title: 'Widgets/Poll',
  component: 'medverka-poll',
  render: (args) => embedded('medverka-poll', args),
  args: {
    poll: '7',
    api: defaultApi,
    presenter: false,
    onMedverkaPollAnswered: fn(),
    onMedverkaLoadError: fn(),
  },
  argTypes: {
    poll: { control: 'text' },
    presenter: { control: 'boolean' },
    ...widgetArgTypes,
  },
  beforeEach: forget(defaultApi),
} satisfies Meta<PollArgs>;

export default meta;
type Story = StoryObj<PollArgs>;

/** The element's shadow root's first match, once it is there. */
const shown = (canvasElement: HTMLElement, selector: string) => shownIn(canvasElement, 'medverka-poll', selector);

/** An open single-choice poll: each answer is a button, and one click sends it. */
export const OpenSingle: Story = { name: 'Open, single choice' };

/** Several answers may be chosen: checkboxes, and one "Svara" button. */
const multipleApi = mockApi('poll-multiple', routes(multiple, plus(multiple, 32, 33)));
export const OpenMultiple: Story = {
  name: 'Open, multiple choice',
  args: { api: multipleApi },
  beforeEach: forget(multipleApi),
};

/** Answered 1–5, the two ends explained. */
const scaleApi = mockApi('poll-scale', routes(scale, plus(scale, 4)));
export const Scale: Story = { args: { api: scaleApi }, beforeEach: forget(scaleApi) };

/**
 * The resident chose "Lekplats": the results are shown with their answer marked, focus moves
 * to "Du har svarat", and the browser remembers the answer (so this story forgets it first).
 */
const answeredApi = mockApi('poll-answered', routes(single, plus(single, 22)));
export const Answered: Story = {
  name: 'Answered, with results',
  args: { api: answeredApi },
  beforeEach: forget(answeredApi),
  play: async ({ canvasElement, args }) => {
    await userEvent.click(await shown(canvasElement, '[part=option]:nth-of-type(2)'));
    await waitFor(() => expect(canvasElement.querySelector('medverka-poll')?.shadowRoot?.activeElement?.id).toBe('answered'));
    await expect(args.onMedverkaPollAnswered).toHaveBeenCalled();
  },
};

/** Answered, and others answer while the page is open: the bars move, and a change is announced at most every 10 s. */
const liveApi = mockApi('poll-live', liveRoutes(single, [23, 21, 23, 22, 23, 24, 23]));
export const LiveResults: Story = {
  name: 'Answered, results updating live',
  args: { api: liveApi },
  beforeEach: forget(liveApi),
  play: async ({ canvasElement }) => {
    await userEvent.click(await shown(canvasElement, '[part=option]'));
    await shown(canvasElement, '#answered');
  },
};

/** Closed: the results, and no way to answer. */
export const Closed: Story = { args: { api: mockApi('poll-closed', routes(closed)) } };

/** The big screen (`/present/poll/<id>`): the results alone, in large type filling the window, following live. */
export const Presenter: Story = {
  args: { api: mockApi('poll-presenter', liveRoutes(single, [21, 23, 23, 22, 21, 21, 24, 23])), presenter: true },
  parameters: { layout: 'fullscreen' },
};

/** The big screen with a scale poll. */
export const PresenterScale: Story = {
  name: 'Presenter, scale',
  args: { api: mockApi('poll-presenter-scale', routes(scale)), presenter: true },
  parameters: { layout: 'fullscreen' },
};

/** The API has not answered yet: after 300 ms, "Laddar …" is announced. */
export const Loading: Story = loadingStory('poll-loading', pollPath);

/** There is no open or closed poll with this number (404). */
export const NotFound: Story = notFoundStory('poll-missing', pollPath, 'poll_not_found', 'There is no poll with that number.');

/** The API answers 500: an alert with a "Försök igen" button. */
export const LoadError: Story = loadErrorStory('poll-error', pollPath);

/** Sending failed (the server answered 500): the resident is told, and may try again. */
const sendErrorApi = mockApi('poll-send-error', {
  ...routes(single),
  [`POST ${pollPath}/answers`]: { status: 500, code: 'internal_error', message: 'Something went wrong on our side.' },
});
export const SendError: Story = {
  name: 'Answer not sent',
  args: { api: sendErrorApi },
  beforeEach: forget(sendErrorApi),
  play: async ({ canvasElement }) => {
    await userEvent.click(await shown(canvasElement, '[part=option]'));
    await shown(canvasElement, '#problem');
  },
};

/** Inside `lang="en"`: the widget's own texts in English, and the poll's where the municipality wrote them. */
const englishApi = mockApi('poll-english', routes(multiple, plus(multiple, 31)));
export const English: Story = {
  args: { api: englishApi },
  beforeEach: forget(englishApi),
  decorators: [inEnglish],
};

/** 320 px, the narrowest a page must work at (WCAG 1.4.10), here with a scale. */
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  args: { api: mockApi('poll-narrow', routes(scale)) },
  decorators: [narrow],
};
