import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import type { PublicBudget } from '../widgets/budget/budget-api.js';
import '../widgets/budget/define.js';
import { challenge, mockApi, type MockRoutes } from './mock-api.js';
import { embedded, inEnglish, loadErrorStory, loadingStory, narrow, notFoundStory, shownIn, widgetArgs, type WidgetArgs, widgetArgTypes } from './widget-story.js';

/**
 * The story args are the element's attributes, as an editor writes them in the embed code;
 * their descriptions and the events, parts and custom properties in the table come from
 * custom-elements.json (see .storybook/preview.ts).
 */
interface BudgetArgs extends WidgetArgs {
  budget?: string;
  onMedverkaBallotCast?: (event: Event) => void;
}

const slug = 'investeringar-2027';
const budgetPath = `api/budgets/${slug}`;
const ballotsPath = `POST ${budgetPath}/ballots`;
const million = 1_000_000;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const text = (sv: string, en: string | null = null) => ({ sv, en });

/** An illustration the stories can show without the network: a playground, drawn. */
const playground = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200"><rect width="300" height="200" fill="#cfe8f5"/><rect y="150" width="300" height="50" fill="#7cb342"/><path d="M60 150V70h10v80zM130 150V70h10v80zM60 70h80v8H60z" fill="#795548"/><path d="M75 78v50M125 78v50" stroke="#333" stroke-width="2"/><rect x="70" y="126" width="60" height="6" fill="#e53935"/><path d="M190 150l40-80h10l-40 80z" fill="#fbc02d"/><rect x="230" y="70" width="30" height="80" fill="#8d6e63"/></svg>',
)}`;

const line = (id: number, sv: string, en: string, range: { min: number; max: number; step: number; start: number }, more: Partial<PublicBudget['items'][number]> = {}) => ({
  id,
  districtId: null,
  title: text(sv, en),
  description: text(''),
  image: null,
  cost: 0,
  ...range,
  ...more,
});

const within: PublicBudget = {
  slug,
  title: text('Investeringar 2027', 'Investments 2027'),
  description: text(
    'Kommunen har 20 miljoner kronor att investera nästa år. Hur vill du att pengarna används?\n\nPolitikerna tar med det du och andra väljer när de beslutar om budgeten i november.',
    'The municipality has 20 million kronor to invest next year. How would you like the money to be used?\n\nThe politicians take what you and others choose into account when they decide on the budget in November.',
  ),
  mode: 'sliders',
  total: 20 * million,
  rule: 'within',
  tolerance: 0,
  status: 'open',
  closesAt: inDays(30),
  districts: [],
  items: [
    line(1, 'Lekplatser', 'Playgrounds', { min: 0, max: 10 * million, step: 500_000, start: 5 * million }, {
      description: text('Nya och upprustade lekplatser i alla stadsdelar.', 'New and refurbished playgrounds in every district.'),
      image: { url: playground, alt: text('En lekplats med gungor och rutschkana', 'A playground with swings and a slide') },
    }),
    line(2, 'Cykelvägar', 'Cycle paths', { min: 0, max: 10 * million, step: 500_000, start: 5 * million }, {
      description: text('Säkrare cykelvägar till skolor och arbetsplatser.', 'Safer cycle paths to schools and workplaces.'),
    }),
    line(3, 'Belysning', 'Street lighting', { min: 0, max: 8 * million, step: 500_000, start: 4 * million }),
  ],
  results: null,
};

const balanced: PublicBudget = {
  ...within,
  title: text('Driftbudget 2027', 'Running costs 2027'),
  description: text('Fördela 10 miljoner kronor mellan tre verksamheter. Allt ska användas.', 'Share out 10 million kronor between three services. All of it is to be used.'),
  total: 10 * million,
  rule: 'balanced',
  tolerance: 100_000,
  items: [
    line(1, 'Skolor', 'Schools', { min: million, max: 6 * million, step: 100_000, start: 4 * million }),
    line(2, 'Äldreomsorg', 'Elderly care', { min: million, max: 6 * million, step: 100_000, start: 3 * million }),
    line(3, 'Kultur och fritid', 'Culture and leisure', { min: 0, max: 4 * million, step: 100_000, start: 2 * million }),
  ],
};

/** The lines start at 23 million together, 3 million more than there is. */
const overBudget: PublicBudget = {
  ...within,
  items: within.items.map((i) => ({ ...i, start: i.id === 3 ? 8 * million : 7_500_000 })),
};

const project = (id: number, sv: string, en: string, cost: number, districtId: number | null = null, more: Partial<PublicBudget['items'][number]> = {}) => ({
  ...line(id, sv, en, { min: 0, max: 0, step: 1, start: 0 }),
  districtId,
  cost,
  ...more,
});

const projects: PublicBudget = {
  ...within,
  slug,
  title: text('Medborgarbudget 2027', 'Citizens’ budget 2027'),
  description: text('Välj de projekt du helst vill se i din stadsdel. De som får flest röster genomförs, så långt pengarna räcker.', 'Choose the projects you would most like to see. Those with the most votes are carried out, as far as the money goes.'),
  mode: 'projects',
  total: 3 * million,
  items: [
    project(11, 'Utegym i Norrparken', 'Outdoor gym in Norrparken', 1_500_000, null, { description: text('Träningsredskap för alla åldrar, öppet dygnet runt.', 'Training equipment for all ages, open day and night.') }),
    project(12, 'Ny lekplats vid Norrskolan', 'New playground at Norrskolan', 2 * million, null, {
      description: text('En lekplats för barn upp till tolv år.', 'A playground for children up to twelve.'),
      image: { url: playground, alt: text('Skiss av lekplatsen', 'Sketch of the playground') },
    }),
    project(13, 'Fler bänkar längs ån', 'More benches along the river', 500_000),
    project(14, 'Belysning i skogen', 'Lighting in the woods', 1_200_000),
  ],
};

const districts: PublicBudget = {
  ...projects,
  total: 5 * million,
  districts: [
    { id: 1, name: text('Norr', 'North'), total: 3 * million },
    { id: 2, name: text('Söder', 'South'), total: 2 * million },
  ],
  items: [
    project(11, 'Utegym i Norrparken', 'Outdoor gym in Norrparken', 1_500_000, 1),
    project(12, 'Ny lekplats vid Norrskolan', 'New playground at Norrskolan', 2 * million, 1),
    project(21, 'Belysning i Söderskogen', 'Lighting in Söderskogen', 1_200_000, 2),
    project(22, 'Hundrastgård', 'Dog park', 900_000, 2),
    project(31, 'Fler bänkar', 'More benches', 500_000),
  ],
};

const closed: PublicBudget = { ...within, status: 'closed', closesAt: inDays(-2) };

const publishedSliders: PublicBudget = {
  ...within,
  status: 'published',
  closesAt: inDays(-40),
  results: {
    participants: 1284,
    decision: text(
      'Kommunfullmäktige beslutade den 25 november att lägga 9 miljoner kronor på lekplatser och 7 miljoner på cykelvägar, nära det invånarna valde.\n\nBelysningen får 4 miljoner kronor, mer än snittet, eftersom flera gångvägar är mörka i dag.',
      'The council decided on 25 November to spend 9 million kronor on playgrounds and 7 million on cycle paths, close to what residents chose.\n\nStreet lighting gets 4 million kronor, more than the average, because several footpaths are dark today.',
    ),
    minGroup: 5,
    publishedAt: inDays(-10),
    districts: [],
    items: [
      { itemId: 1, hidden: false, average: 8_750_000, median: 9 * million, votes: 1284, selected: null },
      { itemId: 2, hidden: false, average: 6_900_000, median: 7 * million, votes: 1284, selected: null },
      { itemId: 3, hidden: false, average: 2_350_000, median: 2 * million, votes: 1284, selected: null },
    ],
  },
};

const publishedProjects: PublicBudget = {
  ...districts,
  status: 'published',
  closesAt: inDays(-40),
  results: {
    participants: 412,
    decision: text('Utegymmet, belysningen i Söderskogen och bänkarna genomförs under 2027.', 'The outdoor gym, the lighting in Söderskogen and the benches are carried out in 2027.'),
    minGroup: 5,
    publishedAt: inDays(-10),
    districts: [
      { districtId: 1, participants: 251 },
      { districtId: 2, participants: 161 },
    ],
    items: [
      { itemId: 11, hidden: false, average: null, median: null, votes: 198, selected: true },
      { itemId: 12, hidden: false, average: null, median: null, votes: 87, selected: false },
      { itemId: 21, hidden: false, average: null, median: null, votes: 120, selected: true },
      { itemId: 22, hidden: false, average: null, median: null, votes: 64, selected: false },
      { itemId: 31, hidden: false, average: null, median: null, votes: 301, selected: true },
    ],
  },
};

/** The mock API for one story: the process, a challenge, and (if given) how sending a ballot is answered. */
const routes = (budget: PublicBudget, ballot?: MockRoutes[string]): MockRoutes => ({
  [budgetPath]: { json: budget },
  'api/pow/challenge': { json: challenge },
  ...(ballot ? { [ballotsPath]: ballot } : {}),
});

const accepted = { json: { status: 'check_email' }, status: 202 };

const meta = {
  title: 'Widgets/Budget',
  component: 'medverka-budget',
  render: (args) => embedded('medverka-budget', args),
  args: {
    budget: slug,
    api: mockApi('budget', routes(within, accepted)),
    onMedverkaBallotCast: fn(),
    ...widgetArgs(),
  },
  argTypes: {
    budget: { control: 'text' },
    ...widgetArgTypes,
  },
} satisfies Meta<BudgetArgs>;

export default meta;
type Story = StoryObj<BudgetArgs>;

/** An element in the widget's shadow root, once it is shown. */
const part = <T extends HTMLElement = HTMLElement>(canvasElement: HTMLElement, selector: string) => shownIn<T>(canvasElement, 'medverka-budget', selector);

/** Gives an e-mail address and sends the ballot, as a resident would. */
async function send(canvasElement: HTMLElement) {
  await userEvent.type(await part(canvasElement, '#email'), 'bo.berg@example.se');
  await userEvent.click(await part(canvasElement, 'button[type=submit]'));
  return canvasElement.querySelector('medverka-budget')!;
}

/**
 * Sliders, within a total: a slider and an exact field per line, the amount left, and the
 * rule. A line can have a description and an image. Try the arrow keys, Page Up/Down, Home and End.
 */
export const Sliders: Story = {};

/** The budget must balance (give or take 100 000 kronor): 10 million to share out, and the lines start a million short of it. */
export const Balanced: Story = {
  name: 'Sliders, balanced',
  args: { api: mockApi('budget-balanced', routes(balanced, accepted)) },
};

/** More is shared out than there is: shown at once in the tally, and explained at the line changed last. */
export const OverBudget: Story = {
  name: 'Over budget',
  args: { api: mockApi('budget-over', routes(overBudget, accepted)) },
  play: async ({ canvasElement }) => {
    const exact = await part<HTMLInputElement>(canvasElement, '#amount-2');
    // Typed over what is there (userEvent.clear cannot focus into a shadow root).
    await userEvent.type(exact, '8500000', { initialSelectionStart: 0, initialSelectionEnd: exact.value.length });
    await waitFor(async () => expect((await part(canvasElement, '#note-2')).textContent).toContain('för mycket'));
  },
};

/** Projects: a checkbox per project with its cost; what is left follows the choice. */
export const Projects: Story = {
  args: { api: mockApi('budget-projects', routes(projects, accepted)) },
};

/** With the outdoor gym chosen, the playground no longer fits: it says so, and can still be chosen (the tally then explains). */
export const ProjectDoesNotFit: Story = {
  name: 'Project that does not fit',
  args: { api: mockApi('budget-no-fit', routes(projects, accepted)) },
  play: async ({ canvasElement }) => {
    await userEvent.click(await part(canvasElement, '#project-11'));
    await waitFor(async () => expect((await part(canvasElement, '#fit-12')).textContent).toContain('Får inte plats'));
  },
};

/** The process has districts: the resident chooses one first, then sees its projects (and those in every district) and its total. */
export const Districts: Story = {
  name: 'Districts (choose one)',
  args: { api: mockApi('budget-districts', routes(districts, accepted)) },
};

/** A district chosen: Söder's two projects, the one for every district, and Söder's 2 million. */
export const DistrictChosen: Story = {
  name: 'Districts, one chosen',
  args: { api: mockApi('budget-district-chosen', routes(districts, accepted)) },
  play: async ({ canvasElement }) => {
    await userEvent.click(await part(canvasElement, '#district-2'));
    await part(canvasElement, '#project-21');
  },
};

/** Sent, the proof of work solved, and the server has not answered yet: the button is busy (never disabled). */
export const Sending: Story = {
  args: { api: mockApi('budget-sending', routes(within, { pending: true })) },
  play: async ({ canvasElement }) => {
    const element = await send(canvasElement);
    await waitFor(() => expect(element.shadowRoot?.querySelector('button[type=submit]')?.getAttribute('aria-disabled')).toBe('true'));
  },
};

/** The server took the ballot: the form gives way to "Kolla din e-post", and focus moves there. */
export const CheckYourEmail: Story = {
  name: 'Check your e-mail',
  args: { api: mockApi('budget-sent', routes(within, accepted)) },
  play: async ({ canvasElement, args }) => {
    const element = await send(canvasElement);
    await waitFor(() => expect(element.shadowRoot?.activeElement?.id).toBe('sent-heading'));
    await expect(args.onMedverkaBallotCast).toHaveBeenCalled();
  },
};

/** A process whose first line starts off its own steps, which only the server notices. */
const offStep: PublicBudget = { ...within, items: within.items.map((i) => (i.id === 1 ? { ...i, start: 5_250_000 } : i)) };

/**
 * The server refused the ballot by the rule (here a line's amount is off its steps, as when
 * staff change a line while a resident has the page open): the widget reads the process
 * again, focuses the error summary, and the line says what is wrong, in the resident's language.
 */
export const RuleRefusal: Story = {
  name: 'Refused by the rule',
  args: {
    api: mockApi(
      'budget-refused',
      routes(offStep, {
        status: 400,
        code: 'ballot_breaks_rule',
        message: 'The ballot breaks the budget’s rule.',
        issues: [{ path: 'allocations.1', message: '“Lekplatser” goes in steps of 500,000 kronor from 0 kronor.' }],
      }),
    ),
  },
  play: async ({ canvasElement }) => {
    const element = await send(canvasElement);
    await waitFor(() => expect(element.shadowRoot?.activeElement?.id).toBe('summary'));
  },
};

/** Voting has closed, and the results are not published yet: no form. */
export const Closed: Story = {
  args: { api: mockApi('budget-closed', routes(closed)) },
};

/** Published, sliders: participants, the municipality's decision, and per line the average and median, as bars and in a table. */
export const PublishedSliders: Story = {
  name: 'Results, sliders',
  args: { api: mockApi('budget-results', routes(publishedSliders)) },
};

/** Published, projects with districts: votes per project in each district, and which are carried out. */
export const PublishedProjects: Story = {
  name: 'Results, projects',
  args: { api: mockApi('budget-results-projects', routes(publishedProjects)) },
};

/**
 * Published, projects, with one district where fewer than five took part: the server gives no
 * figures for it, and the widget says why instead of showing one resident's vote.
 */
export const PublishedFewInDistrict: Story = {
  name: 'Results, too few in a district',
  args: {
    api: mockApi(
      'budget-results-few',
      routes({
        ...publishedProjects,
        results: {
          ...publishedProjects.results!,
          participants: 253,
          districts: [
            { districtId: 1, participants: 251 },
            { districtId: 2, participants: null },
          ],
          items: publishedProjects.results!.items.map((r) => (r.itemId >= 21 && r.itemId < 30 ? { ...r, hidden: true, votes: null } : r)),
        },
      }),
    ),
  },
};

/** The API has not answered yet: after 300 ms, "Laddar …" is announced. */
export const Loading: Story = loadingStory('budget-loading', budgetPath);

/** There is no such process, or it is still a draft (404). */
export const NotFound: Story = notFoundStory('budget-missing', budgetPath, 'budget_not_found', 'There is no public budget with that name.');

/** The API answers 500: an alert with a "Försök igen" button. */
export const LoadError: Story = loadErrorStory('budget-error', budgetPath);

/** Inside `lang="en"`: the widget's own texts, and the process's where staff wrote them, in English. */
export const English: Story = {
  args: { api: mockApi('budget-english', routes(within, accepted)) },
  decorators: [inEnglish],
};

/** The results in English. */
export const EnglishResults: Story = {
  name: 'English, results',
  args: { api: mockApi('budget-english-results', routes(publishedSliders)) },
  decorators: [inEnglish],
};

/** 320 px, the narrowest a page must work at (WCAG 1.4.10). */
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  args: { api: mockApi('budget-narrow', routes(within, accepted)) },
  decorators: [narrow],
};

/**
 * Staff's preview in the console: the widget is given the process (a draft too) through its
 * `preview` property instead of loading it, and sending says that nothing is sent.
 */
export const StaffPreview: Story = {
  render: (args) => html`<medverka-budget heading-level=${ifDefined(args['heading-level'])} .preview=${within}></medverka-budget>`,
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    await part(canvasElement, '#summary');
  },
};
