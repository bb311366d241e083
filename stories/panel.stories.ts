import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import type { PanelInfo } from '../widgets/panel/panel-api.js';
import '../widgets/panel/define.js';
import { challenge, mockApi, type MockReply } from './mock-api.js';
import { embedded, inEnglish, loadErrorStory, loadingStory, narrow, sendAsItIs, shownIn, widgetArgs, type WidgetArgs, widgetArgTypes } from './widget-story.js';

/** The story args are the element's attributes, as an editor writes them in the embed code. */
interface PanelArgs extends WidgetArgs {
  onMedverkaPanelJoined?: (event: Event) => void;
}

const info: PanelInfo = {
  ageBands: ['16–29', '30–49', '50–64', '65+'],
  districts: [],
  consent: {
    sv: 'Vi sparar din e-postadress, och ditt namn, din åldersgrupp och ditt område om du anger dem, för att kunna skicka dig enkäter från kommunen och berätta vad som hände med svaren. Uppgifterna sparas så länge du är med i panelen. Varje mejl från panelen har en länk där du lämnar panelen.',
    en: 'We keep your e-mail address, and your name, age group and area if you give them, so that we can send you surveys from the municipality and tell you what came of the answers. We keep this for as long as you are in the panel. Every mail from the panel has a link to leave it.',
  },
};

const routes = (join: MockReply = { json: { status: 'check_your_email' }, status: 202 }, panel: PanelInfo = info) => ({
  'api/panel': { json: panel },
  'api/pow/challenge': { json: challenge },
  'POST api/panel/members': join,
});

const defaultApi = mockApi('panel', routes());

const meta = {
  title: 'Widgets/Panel',
  component: 'medverka-panel',
  render: (args) => embedded('medverka-panel', args),
  args: { api: defaultApi, onMedverkaPanelJoined: fn(), ...widgetArgs() },
  argTypes: {
    ...widgetArgTypes,
  },
} satisfies Meta<PanelArgs>;

export default meta;
type Story = StoryObj<PanelArgs>;

const field = (canvasElement: HTMLElement, selector: string) => shownIn(canvasElement, 'medverka-panel', selector);

/** Fills the form as a resident would and sends it. */
async function fillAndSubmit(canvasElement: HTMLElement, email = 'bo.berg@example.se') {
  await userEvent.type(await field(canvasElement, '#name'), 'Bo Berg');
  await userEvent.type(await field(canvasElement, '#email'), email);
  await userEvent.click(await field(canvasElement, '#ageBand-1'));
  await userEvent.click(await field(canvasElement, '#consent'));
  await userEvent.click(await field(canvasElement, 'button[type=submit]'));
}

/** The form: name (optional), e-mail, age band (the municipality's bands, or "Vill inte svara"), the consent text and box. */
export const Form: Story = {};

/** The municipality asks for the district too (PANEL_DISTRICTS). */
export const WithDistricts: Story = {
  name: 'With districts',
  args: { api: mockApi('panel-districts', routes(undefined, { ...info, districts: ['Centrum', 'Norr', 'Söder', 'Öster', 'Väster'] })) },
};

/** Sent, and the server has not answered yet: the button is busy (never disabled). */
export const Sending: Story = {
  args: { api: mockApi('panel-sending', routes({ pending: true })) },
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement);
    await waitFor(async () => expect((await field(canvasElement, 'button[type=submit]')).getAttribute('aria-disabled')).toBe('true'));
  },
};

/** Accepted: "Kolla din e-post", and how to leave the panel later. Focus moves to the heading. */
export const CheckYourEmail: Story = {
  name: 'Check your e-mail',
  args: { api: mockApi('panel-sent', routes()) },
  play: async ({ canvasElement, args }) => {
    await fillAndSubmit(canvasElement);
    await field(canvasElement, '#sent-heading');
    await expect(args.onMedverkaPanelJoined).toHaveBeenCalled();
  },
};

/** Sent empty: an error summary, focused, links to each field; the fields say what is wrong. */
export const Errors: Story = {
  args: { api: mockApi('panel-errors', routes()) },
  play: sendAsItIs('medverka-panel'),
};

/** The server refuses a throwaway mailbox's domain (400 email_domain_refused): said at the field. */
export const EmailRefused: Story = {
  name: 'E-mail domain refused',
  args: {
    api: mockApi(
      'panel-refused',
      routes({ status: 400, code: 'email_domain_refused', message: 'Addresses from this e-mail domain are not accepted.', issues: [{ path: 'email', message: 'domain not accepted' }] }),
    ),
  },
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, 'tillfallig@mailinator.com');
    await field(canvasElement, '#email-error');
  },
};

/** Too many sign-ups from one address (429, Retry-After 120 s). */
export const TooMany: Story = {
  name: 'Too many (429)',
  args: { api: mockApi('panel-429', routes({ status: 429, code: 'too_many_requests', message: 'Too many requests.', retryAfter: 120 })) },
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement);
    await field(canvasElement, '#summary');
  },
};

/** The API has not answered yet: after 300 ms, "Laddar …" is announced. */
export const Loading: Story = loadingStory('panel-loading', 'api/panel');

/** The API answers 500: an alert with a "Försök igen" button. */
export const LoadError: Story = loadErrorStory('panel-error', 'api/panel');

/** Inside `lang="en"`: the widget's texts and the consent text in English. */
export const English: Story = {
  args: { api: mockApi('panel-english', routes(undefined, { ...info, districts: ['Centrum', 'Norr'] })) },
  decorators: [inEnglish],
};

/** 320 px, the narrowest a page must work at (WCAG 1.4.10). */
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  args: { api: mockApi('panel-narrow', routes()) },
  decorators: [narrow],
};
