import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import type { PublicPetition } from '../widgets/shared/api.js';
import '../widgets/petition/define.js';
import { challenge, mockApi } from './mock-api.js';
import { embedded, inEnglish, loadErrorStory, loadingStory, narrow, notFoundStory, shownIn, widgetArgs, type WidgetArgs, widgetArgTypes } from './widget-story.js';

/**
 * The story args are the element's attributes, as an editor writes them in the embed code;
 * their descriptions and the events, parts and custom properties in the table come from
 * custom-elements.json (see .storybook/preview.ts).
 */
interface PetitionArgs extends WidgetArgs {
  petition?: string;
  onMedverkaSigned?: (event: Event) => void;
}

const petitionPath = 'api/petitions/42';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000 + 3_600_000).toISOString();

const open: PublicPetition = {
  id: 42,
  title: 'Fler parkbänkar längs ån',
  status: 'open',
  signatureCount: 123,
  threshold: 500,
  openedAt: '2026-03-01T09:00:00.000Z',
  closesAt: inDays(24),
  answeredAt: null,
  body: 'Det finns för få bänkar längs ån. Den som har svårt att gå långt behöver kunna vila på promenaden.\n\nVi föreslår att kommunen sätter ut en bänk var tvåhundrade meter mellan bron och badplatsen.',
  proposerName: 'Anna Andersson',
  answer: null,
  publicSigners: ['Bo Berg', 'Cecilia Carlsson', 'David Dahl'],
};

const manySigners: PublicPetition = {
  ...open,
  signatureCount: 512,
  publicSigners: Array.from({ length: 50 }, (_, i) => `Invånare nummer ${i + 1}`),
};

const closed: PublicPetition = { ...open, status: 'closed', signatureCount: 87, closesAt: inDays(-3) };

const answered: PublicPetition = {
  ...open,
  status: 'answered',
  signatureCount: 541,
  answeredAt: '2026-06-12T10:00:00.000Z',
  answer:
    'Tack för förslaget och för alla underskrifter.\n\nTekniska nämnden beslutade den 10 juni att sätta ut tolv nya bänkar längs ån under hösten. Den första kommer vid bron.',
};

const routes = (petition: PublicPetition) => ({ [petitionPath]: { json: petition }, 'api/pow/challenge': { json: challenge } });

const defaultApi = mockApi('petition', routes(open));
/** The mock API of a story that signs: the signature is accepted (202) at once, or never answered (to hold "sending"). */
const signingApi = (name: string, reply: 'accept' | 'pending') =>
  mockApi(name, { ...routes(open), [`POST ${petitionPath}/signatures`]: reply === 'pending' ? { pending: true } : { json: { status: 'check_email' }, status: 202 } });

const meta = {
  title: 'Widgets/Petition',
  component: 'medverka-petition',
  render: (args) => embedded('medverka-petition', args),
  args: {
    petition: '42',
    api: defaultApi,
    onMedverkaSigned: fn(),
    ...widgetArgs(),
  },
  argTypes: {
    petition: { control: 'text' },
    ...widgetArgTypes,
  },
} satisfies Meta<PetitionArgs>;

export default meta;
type Story = StoryObj<PetitionArgs>;

/** Fills the form as a resident would and sends it. */
async function fillAndSubmit(canvasElement: HTMLElement) {
  const field = (selector: string) => shownIn<HTMLInputElement | HTMLButtonElement>(canvasElement, 'medverka-petition', selector);
  await userEvent.type(await field('#name'), 'Bo Berg');
  await userEvent.type(await field('#email'), 'bo.berg@example.se');
  await userEvent.click(await field('#connection-resident'));
  await userEvent.click(await field('#showName'));
  await userEvent.click(await field('button[type=submit]'));
  return canvasElement.querySelector('medverka-petition')!;
}

/** An open petition: text, count toward the threshold, days left, a few public signers and the form. */
export const Open: Story = {};

/**
 * The count follows the server live (server-sent events): here three residents confirm their
 * signatures while the page is open. The new count is shown at once and announced politely,
 * at most every 15 seconds.
 */
export const LiveCount: Story = {
  args: {
    api: mockApi('petition-live', {
      ...routes(open),
      [`${petitionPath}/live`]: {
        events: [0, 1, 2, 3].map((more, i) => ({
          event: 'petition',
          afterMs: i === 0 ? 0 : 2000,
          data: { id: open.id, status: open.status, signatureCount: open.signatureCount + more, threshold: open.threshold, closesAt: open.closesAt, answeredAt: null },
        })),
      },
    }),
  },
};

/** Fifty signers chose to show their name: ten are shown, the rest behind "Visa alla". */
export const ManySigners: Story = {
  name: 'Open, with many signers',
  args: { api: mockApi('petition-many', routes(manySigners)) },
};

/** The form sent, the proof of work solved, and the server has not answered yet: the button is busy. */
export const Signing: Story = {
  name: 'Signing in progress',
  args: { api: signingApi('petition-signing', 'pending') },
  play: async ({ canvasElement }) => {
    const element = await fillAndSubmit(canvasElement);
    await waitFor(() => expect(element.shadowRoot?.querySelector('button[type=submit]')?.getAttribute('aria-disabled')).toBe('true'));
  },
};

/** The server accepted the signature: the form gives way to "Kolla din e-post", and focus moves there. */
export const CheckYourEmail: Story = {
  name: 'Check your e-mail',
  args: { api: signingApi('petition-sent', 'accept') },
  play: async ({ canvasElement, args }) => {
    const element = await fillAndSubmit(canvasElement);
    await waitFor(() => expect(element.shadowRoot?.activeElement?.id).toBe('sent-heading'));
    await expect(args.onMedverkaSigned).toHaveBeenCalled();
  },
};

/** Closed for signatures, not answered yet: no form. */
export const Closed: Story = {
  args: { api: mockApi('petition-closed', routes(closed)) },
};

/** The municipality has answered: the answer under its own heading, with its date. */
export const Answered: Story = {
  args: { api: mockApi('petition-answered', routes(answered)) },
};

/** The count over time: the table of confirmed signatures per day, opened by its button. */
export const SignaturesPerDay: Story = {
  name: 'Signatures per day',
  args: {
    api: mockApi('petition-days', {
      ...routes(open),
      [`${petitionPath}/signatures-per-day`]: {
        json: { days: [{ date: '2026-03-01', count: 40 }, { date: '2026-03-02', count: 61 }, { date: '2026-03-05', count: 22 }] },
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('medverka-petition')!;
    const toggle = await shownIn<HTMLButtonElement>(canvasElement, 'medverka-petition', '[aria-controls=days]');
    await userEvent.click(toggle);
    await waitFor(() => expect(element.shadowRoot!.querySelector('#days table')).toBeTruthy());
  },
};

/** Answered, where the server says which committee answered, and the answer corrected later. */
export const AnsweredByCommittee: Story = {
  name: 'Answered, with its committee',
  args: { api: mockApi('petition-answered-committee', routes({ ...answered, answerCommittee: 'Tekniska nämnden', answerCorrectedAt: answered.answeredAt })) },
};

/** The API has not answered yet: after 300 ms, "Laddar …" is announced. */
export const Loading: Story = loadingStory('petition-loading', petitionPath);

/** There is no public petition with this number (404). */
export const NotFound: Story = notFoundStory('petition-missing', petitionPath, 'petition_not_found', 'There is no public petition with that number.');

/** The API answers 500: an alert with a "Försök igen" button. */
export const LoadError: Story = loadErrorStory('petition-error', petitionPath);

/** Inside `lang="en"`: the widget's own texts in English (the petition is as it was written). */
export const English: Story = {
  args: { api: mockApi('petition-english', routes(answered)) },
  decorators: [inEnglish],
};

/** 320 px, the narrowest a page must work at (WCAG 1.4.10). */
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  args: { api: mockApi('petition-narrow', routes(open)) },
  decorators: [narrow],
};
