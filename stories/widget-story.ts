/** What the resident widgets' stories share besides the mock API: their common controls, their load states, the widget as embedded, English and narrow frames, and reaching into a widget once it shows. */
import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fn, userEvent, waitFor } from 'storybook/test';
import { mockApi, type MockRoutes } from './mock-api.js';

/** The controls every widget's story has: the API origin and the heading level. */
export const widgetArgTypes = {
  api: { control: 'text' },
  'heading-level': { control: { type: 'number', min: 1, max: 6, step: 1 } },
} as const;

/** The args every widget's story starts from: heading level 2, and a spy on load errors. */
export const widgetArgs = () => ({ 'heading-level': 2, onMedverkaLoadError: fn() });

/** The first match in the widget's (`tag`) shadow root, once it is shown. */
export function shownIn<T extends HTMLElement = HTMLElement>(canvasElement: HTMLElement, tag: string, selector: string) {
  return waitFor(() => {
    const el = canvasElement.querySelector(tag)?.shadowRoot?.querySelector<T>(selector);
    if (!el) throw new Error(`${selector} is not shown yet.`);
    return el;
  });
}

/** A play: sends the widget's form as it is (empty), and waits for the error summary. */
export const sendAsItIs =
  (tag: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    await userEvent.click(await shownIn(canvasElement, tag, 'button[type=submit]'));
    await shownIn(canvasElement, tag, '#summary');
  };

/** The story args every widget's story has: attributes as an editor writes them in the embed code, and the load-error listener. */
export interface WidgetArgs {
  api?: string;
  'heading-level'?: number;
  onMedverkaLoadError?: (event: Event) => void;
}

/**
 * The widget `tag` as an editor embeds it: each story arg an attribute (an empty one left out,
 * `true` one without a value), each `on…` arg a listener for its event (`onMedverkaSigned`
 * listens to `medverka-signed`), and `children` inside (the editor's fallback links).
 */
export function embedded(tag: string, args: object, ...children: Node[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(args)) {
    if (typeof value == 'function') el.addEventListener(name.slice(2).replace(/\B[A-Z]/g, '-$&').toLowerCase(), value as EventListener);
    else if (value != null && value !== false && value !== '') el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children);
  return el;
}

/** The API at a story's mock origin: `mockApi`, or a widget's own wrapper of it. */
type Mock = (name: string, routes: MockRoutes) => string;

/** The API has not answered yet: after 300 ms, the widget announces "Laddar …". */
export const loadingStory = (name: string, path: string, mock: Mock = mockApi) => ({
  args: { api: mock(name, { [path]: { pending: true } }) },
});

/** What the widget shows is not there (404 with the server's `code` and `message`). */
export const notFoundStory = (name: string, path: string, code: string, message: string, mock: Mock = mockApi) => ({
  name: 'Not found',
  args: { api: mock(name, { [path]: { status: 404, code, message } }) },
});

/** The API answers 500: the widget's alert with a "Försök igen" button. */
export const loadErrorStory = (name: string, path: string, mock: Mock = mockApi) => ({
  name: 'Error',
  args: { api: mock(name, { [path]: { status: 500, code: 'internal_error', message: 'Something went wrong on our side.' } }) },
});

/** The story inside `lang="en"`: the widget's own texts in English. */
export const inEnglish: Decorator = (story) => html`<div lang="en">${story()}</div>`;

/** The story 320 px wide, the narrowest a page must work at (WCAG 1.4.10). */
export const narrow: Decorator = (story) => html`<div style="inline-size: 320px; outline: 1px dashed #999">${story()}</div>`;
