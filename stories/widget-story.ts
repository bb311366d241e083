/** What the resident widgets' stories share besides the mock API: their common controls, and reaching into a widget once it shows. */
import { waitFor } from 'storybook/test';

/** The controls every widget's story has: the API origin and the heading level. */
export const widgetArgTypes = {
  api: { control: 'text' },
  'heading-level': { control: { type: 'number', min: 1, max: 6, step: 1 } },
} as const;

/** The first match in the widget's (`tag`) shadow root, once it is shown. */
export function shownIn<T extends HTMLElement = HTMLElement>(canvasElement: HTMLElement, tag: string, selector: string) {
  return waitFor(() => {
    const el = canvasElement.querySelector(tag)?.shadowRoot?.querySelector<T>(selector);
    if (!el) throw new Error(`${selector} is not shown yet.`);
    return el;
  });
}

/** The story args every widget's story has: attributes as an editor writes them in the embed code, and the load-error listener. */
export interface WidgetArgs {
  api?: string;
  'heading-level'?: number;
  onMedverkaLoadError?: (event: Event) => void;
}
