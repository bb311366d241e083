import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import type { PublicDialogue } from '../widgets/dialogues/dialogues-api.js';
import '../widgets/dialogues/define.js';
import { challenge, mockApi, type MockRoutes } from './mock-api.js';
import { embedded, inEnglish, loadErrorStory, loadingStory, narrow, shownIn, widgetArgs, type WidgetArgs, widgetArgTypes } from './widget-story.js';

/**
 * The story args are the element's attributes, as an editor writes them in the embed code;
 * their descriptions and the events, parts and custom properties in the table come from
 * custom-elements.json (see .storybook/preview.ts).
 */
interface DialoguesArgs extends WidgetArgs {
  onMedverkaDialogueFollowed?: (event: Event) => void;
}

const listPath = 'api/dialogues';
const none = { sv: '', en: null };
const sv = (text: string, en: string | null = null) => ({ sv: text, en });

const park: PublicDialogue = {
  id: 1,
  title: sv('Nya parken i centrum', 'The new park in the town centre'),
  question: sv('Vad ska den nya parken i centrum ha?', 'What should the new park in the town centre have?'),
  purpose: sv('Den gamla parkeringen vid torget blir park 2028. Vi vill veta vad du vill kunna göra där innan arkitekterna börjar rita.'),
  committee: 'Samhällsbyggnadsnämnden',
  administration: 'Samhällsbyggnadsförvaltningen',
  contact: { id: 4, name: 'Sara Lind' },
  targetGroups: ['Alla som bor i Exempelby'],
  themes: ['Parker och natur'],
  district: 'Centrum',
  ladder: 'consult',
  canChange: sv('Vad parken ska innehålla: lek, träd, sittplatser, plats för evenemang.', 'What the park will have: play, trees, seats, room for events.'),
  cannotChange: sv('Var parken ligger och hur stor den blir.', 'Where the park is and how big it will be.'),
  plannedStart: null,
  opensOn: '2026-11-24',
  closesOn: '2027-01-07',
  decisionExpected: '2027-03-08',
  feedbackBy: '2027-04-07',
  phase: 'open',
  channels: [
    { id: 11, kind: 'poll', ref: '7', format: null, title: 'Vad ska den nya parken i centrum ha mest av?', heldOn: null, place: null, participants: 57, notes: null, summary: none },
    { id: 12, kind: 'offline', ref: null, format: 'walk', title: 'Promenad med stadsträdgårdsmästaren', heldOn: '2026-12-15', place: 'Torget, vid fontänen', participants: null, notes: null, summary: none },
  ],
  outcome: null,
  timeline: [],
};

const street: PublicDialogue = {
  ...park,
  id: 2,
  title: sv('Trafiken på Storgatan', 'Traffic on Storgatan'),
  question: sv('Hur ska Storgatan fungera för gående, cyklister och bilar?'),
  purpose: sv('Storgatan byggs om 2029.'),
  committee: 'Tekniska nämnden',
  themes: ['Trafik'],
  ladder: 'dialogue',
  opensOn: '2027-01-22',
  closesOn: '2027-03-08',
  phase: 'planned',
  channels: [],
};

const library: PublicDialogue = {
  ...park,
  id: 3,
  title: sv('Längre öppettider på biblioteket', 'Longer opening hours at the library'),
  question: sv('När vill du kunna besöka biblioteket?'),
  purpose: sv('Biblioteket fick pengar för längre öppettider.'),
  committee: 'Kultur- och fritidsnämnden',
  themes: ['Kultur och fritid'],
  district: 'Söder',
  ladder: 'influence',
  opensOn: '2026-05-22',
  closesOn: '2026-07-11',
  feedbackBy: '2026-10-09',
  phase: 'finished',
  channels: [{ id: 21, kind: 'offline', ref: null, format: 'stand', title: 'Bibliotekets dag', heldOn: '2026-06-21', place: 'Biblioteket', participants: 140, notes: null, summary: none }],
  outcome: {
    summary: sv('212 svar i enkäten, ett e-förslag med 430 underskrifter och 140 samtal på Bibliotekets dag.'),
    use: sv('Söndagar och torsdagskvällar var det flest som ville ha. Förslaget till nämnden byggde på det.'),
    decision: sv('Biblioteket har öppet söndagar 12–16 och torsdagar till 20 från och med januari.'),
    caseNumber: 'KFN 2026/15',
    caseUrl: 'https://diarium.exempelby.se/arende?dnr=KFN%202026%2F15',
    decidedOn: '2026-09-18',
    feedbackPublishedAt: '2026-09-28T10:00:00.000Z',
  },
};

const routes = (dialogues: PublicDialogue[], extra: MockRoutes = {}): MockRoutes => ({
  [listPath]: { json: { dialogues } },
  'api/pow/challenge': { json: challenge },
  'POST api/dialogues/1/followers': { json: { status: 'check_your_email' }, status: 202 },
  ...extra,
});

const meta = {
  title: 'Widgets/Dialogues',
  component: 'medverka-dialogues',
  render: (args) => embedded('medverka-dialogues', args),
  args: { ...widgetArgs(), api: mockApi('dialogues', routes([park, street, library])), onMedverkaDialogueFollowed: fn() },
  argTypes: widgetArgTypes,
} satisfies Meta<DialoguesArgs>;

export default meta;
type Story = StoryObj<DialoguesArgs>;

const shown = (canvasElement: HTMLElement, selector: string) => shownIn(canvasElement, 'medverka-dialogues', selector);

/** The register: what is going on and coming up, then "Vad hände sen?" with the finished ones. */
export const Register: Story = {};

/** A dialogue opened in place: its promise (what you can influence, who decides, when you hear back), its channels and the follow form. */
export const Opened: Story = {
  name: 'A dialogue opened',
  play: async ({ canvasElement }) => {
    await userEvent.click(await shown(canvasElement, '.toggle'));
    await shown(canvasElement, '.details');
  },
};

/** A finished dialogue opened: what came in, how it was used, the decision and its case in the public record. */
export const Finished: Story = {
  name: 'What came of it',
  args: { api: mockApi('dialogues-finished', routes([library])) },
  play: async ({ canvasElement }) => {
    await userEvent.click(await shown(canvasElement, '.toggle'));
    await shown(canvasElement, '.outcome');
  },
};

/** Following a dialogue: the address is sent with a proof of work, and the resident is told to confirm by e-mail. */
export const Followed: Story = {
  name: 'Following: check your e-mail',
  play: async ({ canvasElement, args }) => {
    await userEvent.click(await shown(canvasElement, '.toggle'));
    await userEvent.type(await shown(canvasElement, '#follow-email-1'), 'anna@example.se');
    await userEvent.click(await shown(canvasElement, '.follow button[type=submit]'));
    await shown(canvasElement, '#follow-sent-1');
    await waitFor(() => expect(args.onMedverkaDialogueFollowed).toHaveBeenCalled());
  },
};

/** A wrong address: said at the field, which takes focus. */
export const FollowInvalid: Story = {
  name: 'Following: not an address',
  play: async ({ canvasElement }) => {
    await userEvent.click(await shown(canvasElement, '.toggle'));
    await userEvent.type(await shown(canvasElement, '#follow-email-1'), 'anna');
    await userEvent.click(await shown(canvasElement, '.follow button[type=submit]'));
    await shown(canvasElement, '#follow-email-1-error');
  },
};

/** Too many requests from here (429): the resident is told how long to wait. */
export const FollowRefused: Story = {
  name: 'Following: too many',
  args: { api: mockApi('dialogues-refused', routes([park], { 'POST api/dialogues/1/followers': { status: 429, code: 'rate_limited', message: 'Too many.', retryAfter: 120 } })) },
  play: async ({ canvasElement }) => {
    await userEvent.click(await shown(canvasElement, '.toggle'));
    await userEvent.type(await shown(canvasElement, '#follow-email-1'), 'anna@example.se');
    await userEvent.click(await shown(canvasElement, '.follow button[type=submit]'));
    await shown(canvasElement, '#follow-problem-1');
  },
};

/** Nothing going on: both lists say so. */
export const Empty: Story = { args: { api: mockApi('dialogues-empty', routes([])) } };

/** The API has not answered yet: after 300 ms, "Laddar …" is announced. */
export const Loading: Story = loadingStory('dialogues-loading', listPath);

/** The API answers 500: an alert with a "Försök igen" button. */
export const LoadError: Story = loadErrorStory('dialogues-error', listPath);

/** Inside `lang="en"`: the widget's own texts in English, and the dialogues' where the municipality wrote them. */
export const English: Story = { decorators: [inEnglish] };

/** 320 px, the narrowest a page must work at (WCAG 1.4.10). */
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  decorators: [narrow],
  play: async ({ canvasElement }) => {
    await userEvent.click(await shown(canvasElement, '.toggle'));
  },
};
