import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent } from 'storybook/test';
import type { PublicSurvey, SurveyResponseState } from '../widgets/survey/survey-api.js';
import '../widgets/survey/define.js';
import { challenge, mockApi, type MockRoutes } from './mock-api.js';
import { embedded, inEnglish, loadErrorStory, loadingStory, narrow, notFoundStory, sendAsItIs, shownIn, widgetArgs, type WidgetArgs, widgetArgTypes } from './widget-story.js';

/** The story args are the element's attributes, as an editor writes them in the embed code. */
interface SurveyArgs extends WidgetArgs {
  survey?: string;
  onMedverkaSurveySubmitted?: (event: Event) => void;
}

const id = '7';
const path = `api/surveys/${id}`;
const t = (sv: string, en: string | null = null) => ({ sv, en });

const survey: PublicSurvey = {
  id: 7,
  title: t('Trivsel i centrum', 'Living in the town centre'),
  intro: t(
    'Kommunen planerar om centrum och vill veta vad du tycker.\n\nEnkäten har tre sidor och tar ungefär fem minuter.',
    'The municipality is replanning the town centre and wants to know what you think.\n\nThe survey has three pages and takes about five minutes.',
  ),
  status: 'open',
  closesAt: null,
  pages: [
    {
      questions: [
        { id: 'travel', type: 'single', text: t('Hur tar du dig oftast till centrum?', 'How do you usually get to the centre?'), options: [t('Bil', 'Car'), t('Buss', 'Bus'), t('Cykel', 'Bicycle'), t('Till fots', 'On foot')], required: true },
        { id: 'visits', type: 'multiple', text: t('Vad gör du i centrum?', 'What do you do in the centre?'), options: [t('Handlar', 'Shopping'), t('Äter', 'Eating out'), t('Träffar vänner', 'Meeting friends'), t('Går på bibliotek', 'Library')], required: false },
      ],
    },
    {
      questions: [
        { id: 'safety', type: 'scale', text: t('Hur trygg känner du dig i centrum på kvällen?', 'How safe do you feel in the centre in the evening?'), required: true },
        { id: 'ideas', type: 'text', text: t('Vad skulle göra centrum bättre?', 'What would make the centre better?'), required: false },
      ],
    },
    {
      questions: [
        {
          id: 'priorities',
          type: 'ranking',
          text: t('Vad ska kommunen satsa på först?', 'What should the municipality invest in first?'),
          options: [t('Fler träd och bänkar', 'More trees and benches'), t('Bättre belysning', 'Better lighting'), t('Cykelparkering', 'Cycle parking'), t('Lekplats', 'Playground')],
          required: true,
        },
      ],
    },
  ],
};

const saved = (page: number, submitted = false): SurveyResponseState => ({ answers: { travel: 2, visits: [0, 2], safety: 3, ideas: 'Fler sittplatser i skuggan.' }, page, submitted });

const routes = (response: SurveyResponseState | null = null, data: PublicSurvey = survey): MockRoutes => ({
  [path]: { json: { survey: data, response } },
  'api/pow/challenge': { json: challenge },
  [`POST ${path}/responses`]: { json: { token: 'story-token-aaaaaaaaaaaaaaaaaaaa' }, status: 201 },
  [`PUT ${path}/pages/0`]: { json: { page: 1 } },
  [`PUT ${path}/pages/1`]: { json: { page: 2 } },
  [`PUT ${path}/pages/2`]: { json: { page: 3 } },
  [`POST ${path}/submit`]: { json: { submitted: true } },
});

/**
 * The stories answer an open survey, and the widget keeps the response token the mock hands
 * out; forget it, so that every story starts as its name says.
 */
function api(name: string, mock: MockRoutes) {
  const base = mockApi(name, mock);
  try {
    localStorage.removeItem(`medverka-survey ${new URL(base).origin} ${id}`);
  } catch {
    // No storage: nothing kept either.
  }
  return base;
}

const meta = {
  title: 'Widgets/Survey',
  component: 'medverka-survey',
  render: (args) => embedded('medverka-survey', args),
  args: { survey: id, api: api('survey', routes()), onMedverkaSurveySubmitted: fn(), ...widgetArgs() },
  argTypes: {
    survey: { control: 'text' },
    ...widgetArgTypes,
  },
} satisfies Meta<SurveyArgs>;

export default meta;
type Story = StoryObj<SurveyArgs>;

const field = (canvasElement: HTMLElement, selector: string) => shownIn(canvasElement, 'medverka-survey', selector);

/** The first page: title, intro, "Sida 1 av 3", a single-choice and a multiple-choice question. */
export const FirstPage: Story = { name: 'First page' };

/** Back after a break: page 1 was saved, so the survey resumes on page 2 (a scale and free text), answers filled in. */
export const Resumed: Story = {
  args: { api: api('survey-resumed', routes(saved(1))) },
};

/** A deadline, shown under the title, and a scale whose ends say what they mean ("Inte alls" … "Helt och hållet"). */
export const DeadlineAndScaleLabels: Story = {
  name: 'Deadline and scale end labels',
  args: {
    api: api(
      'survey-deadline',
      routes(saved(1), {
        ...survey,
        closesAt: '2027-03-31T21:59:00.000Z',
        pages: survey.pages.map((p) => ({
          questions: p.questions.map((q) => (q.type === 'scale' ? { ...q, scaleLabels: { low: t('Inte alls', 'Not at all'), high: t('Helt och hållet', 'Completely') } } : q)),
        })),
      }),
    ),
  },
};

/** Its deadline has passed: closed, saying when the last time to answer was. */
export const DeadlinePassed: Story = {
  name: 'Deadline passed',
  args: { api: api('survey-deadline-passed', routes(null, { ...survey, status: 'closed', closesAt: '2026-01-31T22:59:00.000Z' })) },
};

/** The last page: a ranking moved with "Flytta upp" / "Flytta ner", and "Skicka in". */
export const Ranking: Story = {
  name: 'Last page (ranking)',
  args: { api: api('survey-ranking', routes(saved(2))) },
};

/** "Nästa" with a required question unanswered: a summary, focused, and the error at the question. */
export const Errors: Story = {
  args: { api: api('survey-errors', routes()) },
  play: sendAsItIs('medverka-survey'),
};

/** The server refuses an answer (400 invalid_answers): said at that question. */
export const ServerRefusal: Story = {
  name: 'Answer refused by the server',
  args: {
    api: api('survey-refused', {
      ...routes(saved(1)),
      [`PUT ${path}/pages/1`]: { status: 400, code: 'invalid_answers', message: 'Some answers are missing or not valid.', issues: [{ path: 'ideas', message: 'invalid_value' }] },
    }),
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(await field(canvasElement, 'button[type=submit]'));
    await field(canvasElement, '#q-ideas-error');
  },
};

/** Saving failed (500): an alert by the buttons with "Försök igen"; nothing typed is lost. */
export const SaveError: Story = {
  name: 'Saving failed',
  args: { api: api('survey-save-error', { ...routes(saved(1)), [`PUT ${path}/pages/1`]: { status: 500, code: 'internal_error', message: 'Something went wrong on our side.' } }) },
  play: async ({ canvasElement }) => {
    await userEvent.click(await field(canvasElement, 'button[type=submit]'));
    await field(canvasElement, '#save-error');
  },
};

/** Sent in from the last page: the thank-you, focused, and the event. */
export const Submitted: Story = {
  name: 'Thank you',
  args: { api: api('survey-submitted', routes(saved(2))) },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(await field(canvasElement, 'button[type=submit]'));
    await field(canvasElement, '#done-heading');
    await expect(args.onMedverkaSurveySubmitted).toHaveBeenCalled();
  },
};

/** Opened again after sending in: "already sent in". */
export const AlreadySubmitted: Story = {
  name: 'Already sent in',
  args: { api: api('survey-done', routes(saved(3, true))) },
};

/** The survey has closed. */
export const Closed: Story = {
  args: { api: api('survey-closed', routes(null, { ...survey, status: 'closed' })) },
};

/** A panel survey opened without the personal link (403, no token sent). */
export const NoToken: Story = {
  name: 'Panel only (no link)',
  args: { api: api('survey-no-token', { [path]: { status: 403, code: 'survey_token_invalid', message: 'This survey is answered through the personal link in your e-mail.' } }) },
};

/** A personal link that does not work (403 for the token sent). */
const badTokenApi = api('survey-bad-token', { [path]: { status: 403, code: 'survey_token_invalid', message: 'The survey link does not work.' } });
try {
  sessionStorage.setItem(`medverka-survey ${new URL(badTokenApi).origin} ${id}`, 'a-link-that-was-never-sent');
} catch {
  // No storage: the story shows "panel only" instead.
}
export const BadToken: Story = {
  name: 'Link does not work',
  args: { api: badTokenApi },
};

/** The API has not answered yet: after 300 ms, "Laddar …" is announced. */
export const Loading: Story = loadingStory('survey-loading', path, api);

/** No such survey, or a draft (404). */
export const NotFound: Story = notFoundStory('survey-missing', path, 'survey_not_found', 'There is no survey with that number.', api);

/** The API answers 500: an alert with a "Försök igen" button. */
export const LoadError: Story = loadErrorStory('survey-error', path, api);

/** Inside `lang="en"`: the widget's texts, and the survey's own English. */
export const English: Story = {
  args: { api: api('survey-english', routes(saved(1))) },
  decorators: [inEnglish],
};

/** 320 px, the narrowest a page must work at (WCAG 1.4.10): the ranking's buttons wrap under each item. */
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  args: { api: api('survey-narrow', routes(saved(2))) },
  decorators: [narrow],
};
