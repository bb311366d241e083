import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import type { PetitionSummary } from '../widgets/petitions/petitions-api.js';
import type { PublicPetition } from '../widgets/shared/api.js';
import '../widgets/petitions/define.js';
import { challenge, mockApi, type MockRoutes } from './mock-api.js';
import { embedded, inEnglish, loadErrorStory, loadingStory, narrow, shownIn, widgetArgs, type WidgetArgs, widgetArgTypes } from './widget-story.js';

/**
 * The story args are the element's attributes, as an editor writes them in the embed code;
 * their descriptions and the events, parts and custom properties in the table come from
 * custom-elements.json (see .storybook/preview.ts).
 */
interface PetitionsArgs extends WidgetArgs {
  show?: string;
  onMedverkaPetitionProposed?: (event: Event) => void;
}

const listPath = 'api/petitions';

const summaries: PetitionSummary[] = [
  { id: 42, title: 'Fler parkbänkar längs ån', status: 'open', signatureCount: 123, threshold: 500, openedAt: '2026-03-01T09:00:00.000Z', closesAt: '2026-09-01T09:00:00.000Z', answeredAt: null },
  { id: 41, title: 'Belysning på gångvägen till skolan', status: 'answered', signatureCount: 541, threshold: 500, openedAt: '2026-01-10T09:00:00.000Z', closesAt: '2026-07-10T09:00:00.000Z', answeredAt: '2026-06-12T10:00:00.000Z' },
  { id: 40, title: 'Längre öppettider på biblioteket', status: 'closed', signatureCount: 87, threshold: 500, openedAt: '2025-10-01T09:00:00.000Z', closesAt: '2026-04-01T09:00:00.000Z', answeredAt: null },
];

const detail = (s: PetitionSummary): PublicPetition => ({
  ...s,
  body: 'Det här är förslagets text, som den skrevs av den som föreslog det.\n\nDen kan ha flera stycken.',
  proposerName: 'Anna Andersson',
  answer: s.status === 'answered' ? 'Tack för förslaget. Belysningen sätts upp under hösten.' : null,
  publicSigners: [],
});

/** The mock answers by path only, so every filter and search shows the same list. */
const routes = (list: PetitionSummary[]): MockRoutes => ({
  [listPath]: { json: { petitions: list } },
  'api/pow/challenge': { json: challenge },
  ...Object.fromEntries(list.map((s) => [`api/petitions/${s.id}`, { json: detail(s) }])),
});

const defaultApi = mockApi('petitions', routes(summaries));
/** The mock API of a story that proposes: the proposal is accepted (202) at once. */
const proposingApi = (name: string) => mockApi(name, { ...routes(summaries), [`POST ${listPath}`]: { json: { status: 'check_email' }, status: 202 } });

const meta = {
  title: 'Widgets/Petitions',
  component: 'medverka-petitions',
  render: (args) => embedded('medverka-petitions', args),
  args: {
    show: 'all',
    api: defaultApi,
    onMedverkaPetitionProposed: fn(),
    ...widgetArgs(),
  },
  argTypes: {
    show: { control: 'select', options: ['open', 'answered', 'closed', 'all'] },
    ...widgetArgTypes,
  },
} satisfies Meta<PetitionsArgs>;

export default meta;
type Story = StoryObj<PetitionsArgs>;

/** Waits for a part of the widget's shadow root. */
const part = <T extends HTMLElement>(canvasElement: HTMLElement, selector: string) => shownIn<T>(canvasElement, 'medverka-petitions', selector);

/** Opens the proposal form, as a resident would. */
async function openForm(canvasElement: HTMLElement) {
  await userEvent.click(await part(canvasElement, '[aria-controls=propose]'));
  return part(canvasElement, '[part=form]');
}

/** The list, filtered to all; each petition opens in place with `<medverka-petition>`. */
export const List: Story = {};

/** Nothing matches the filter or the search. */
export const Empty: Story = {
  args: { api: mockApi('petitions-empty', routes([])) },
};

/** The API has not answered yet: after 300 ms, "Laddar …" is announced. */
export const Loading: Story = loadingStory('petitions-loading', listPath);

/** The API answers 500: an alert with a "Försök igen" button. */
export const LoadError: Story = loadErrorStory('petitions-error', listPath);

/** "Skriv ett e-förslag" opened: the form, with the notice that a proposal is a public document. */
export const Form: Story = {
  name: 'Proposal form',
  play: async ({ canvasElement }) => {
    await openForm(canvasElement);
  },
};

/** Sent empty: the error summary takes focus and links to each field. */
export const FormWithErrors: Story = {
  name: 'Proposal form with errors',
  play: async ({ canvasElement }) => {
    await openForm(canvasElement);
    await userEvent.click(await part(canvasElement, '[part=form] button[type=submit]'));
    const element = canvasElement.querySelector('medverka-petitions')!;
    await waitFor(() => expect(element.shadowRoot?.activeElement?.id).toBe('summary'));
  },
};

/** The server accepted the proposal: "Kolla din e-post", and focus moves there. */
export const CheckYourEmail: Story = {
  name: 'Check your e-mail',
  args: { api: proposingApi('petitions-sent') },
  play: async ({ canvasElement, args }) => {
    await openForm(canvasElement);
    await userEvent.type(await part(canvasElement, '#title'), 'Fler cykelställ vid stationen');
    await userEvent.type(await part(canvasElement, '#body'), 'Det finns för få cykelställ vid stationen.');
    await userEvent.type(await part(canvasElement, '#name'), 'Bo Berg');
    await userEvent.type(await part(canvasElement, '#email'), 'bo.berg@example.se');
    await userEvent.click(await part(canvasElement, '#publicDocumentAccepted'));
    await userEvent.click(await part(canvasElement, '[part=form] button[type=submit]'));
    const element = canvasElement.querySelector('medverka-petitions')!;
    await waitFor(() => expect(element.shadowRoot?.activeElement?.id).toBe('sent-heading'));
    await expect(args.onMedverkaPetitionProposed).toHaveBeenCalled();
  },
};

/** Inside `lang="en"`: the widget's own texts in English (the petitions are as they were written). */
export const English: Story = {
  args: { api: mockApi('petitions-english', routes(summaries)) },
  decorators: [inEnglish],
};

/** 320 px, the narrowest a page must work at (WCAG 1.4.10). */
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  args: { api: mockApi('petitions-narrow', routes(summaries)) },
  decorators: [narrow],
};

/**
 * A petition opened from the list, in place. It gets its own address on the page
 * (`#e-forslag-42`): a reload, a bookmark or a shared link opens it again, and Back returns to
 * the list.
 */
export const Opened: Story = {
  name: 'A petition opened (its own address)',
  play: async ({ canvasElement }) => {
    await userEvent.click(await part(canvasElement, '[part=item]'));
    await expect(await part(canvasElement, '#panel medverka-petition')).toBeTruthy();
  },
};
