import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, render, type TemplateResult } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../widgets/tiles/define.js';
import { mockApi } from './mock-api.js';
import { embedded, inEnglish, loadErrorStory, loadingStory, narrow, shownIn, type WidgetArgs, widgetArgs, widgetArgTypes } from './widget-story.js';
import { emptySet, engageraDig, engageraDigUncoloured, withWidgetTile } from './tiles.fixtures.js';

/**
 * The story args are the element's attributes, as an editor writes them in the embed code;
 * their descriptions and the events, parts and custom properties in the table come from
 * custom-elements.json (see .storybook/preview.ts).
 */
interface TilesArgs extends WidgetArgs {
  set?: string;
  'show-title'?: boolean;
  /** Listeners for the manifest's events; Storybook shows their calls in the Actions panel. */
  onMedverkaTileOpen?: (event: Event) => void;
}

const tileSetPath = 'api/tile-sets/engagera-dig';

/** The tiles as embedded, with the editor's fallback `links` inside if any. */
const tiles = (args: TilesArgs, links?: TemplateResult) => {
  const el = embedded('medverka-tiles', args);
  if (links) render(links, el);
  return el;
};

/** What an editor pastes for the no-JavaScript fallback: plain links, one per tile. */
const fallbackLinks = html`
  <a href="#forslag" data-icon="lightbulb"
    ><strong>Jag vill förbättra kommunen med synpunkter och egna förslag</strong> Lämna en synpunkt eller skriv ett
    e-förslag som andra kan skriva under.</a
  >
  <a href="#politik" data-icon="landmark"
    ><strong>Jag vill engagera mig politiskt</strong> Så fungerar nämnder och fullmäktige, och så blir du
    förtroendevald.</a
  >
  <a href="#ideellt" data-icon="heart-hand"
    ><strong>Jag vill engagera mig ideellt</strong> Föreningar och organisationer som söker volontärer nära dig.</a
  >
  <a href="#hjalpa" data-icon="helping-hands"
    ><strong>Jag vill hjälpa en medmänniska</strong> Bli kontaktperson, god man eller familjehem.</a
  >
`;

const meta = {
  title: 'Widgets/Tiles',
  component: 'medverka-tiles',
  render: (args) => tiles(args),
  args: {
    set: 'engagera-dig',
    api: mockApi('tiles', { [tileSetPath]: { json: engageraDig } }),
    'show-title': false,
    // Spies rather than the actions Storybook would make from the manifest's events: those
    // are logged twice once the story has re-rendered (Storybook 10.6).
    onMedverkaTileOpen: fn(),
    ...widgetArgs(),
  },
  argTypes: {
    set: { control: 'text' },
    'show-title': { control: 'boolean' },
    ...widgetArgTypes,
  },
} satisfies Meta<TilesArgs>;

export default meta;
type Story = StoryObj<TilesArgs>;

/** The tile set from the API, in Swedish (the default language). */
export const FromApi: Story = {
  name: 'From the API (Swedish)',
};

/** The same set inside `lang="en"`: the staff's English texts and the widget's own. */
export const English: Story = {
  args: { api: mockApi('english', { [tileSetPath]: { json: engageraDig } }), 'show-title': true },
  decorators: [inEnglish],
};

/**
 * No `set`: the editor's plain links become tiles (`<strong>` is the title, the rest the
 * description, `data-icon` the icon). With JavaScript off, the links are shown as they are.
 */
export const LightDomFallback: Story = {
  name: 'Light-DOM fallback (plain links)',
  args: { set: '', api: '' },
  render: (args) => tiles(args, fallbackLinks),
};

/** The API has not answered yet: placeholder tiles keep the space, and "Laddar …" is announced. */
export const Loading: Story = loadingStory('loading', tileSetPath);

/** The set exists but has no tiles. */
export const Empty: Story = {
  args: { api: mockApi('empty', { [tileSetPath]: { json: emptySet } }) },
};

/** The API answers 500: an alert with a "Försök igen" button (which asks again). */
export const LoadError: Story = loadErrorStory('error', tileSetPath);

/** The set cannot be loaded, but the editor's fallback links are there: they are shown instead. */
export const ErrorWithFallbackLinks: Story = {
  name: 'Error, with fallback links',
  args: {
    api: mockApi('error-fallback', {
      [tileSetPath]: { status: 503, code: 'unavailable', message: 'The server is starting.' },
    }),
  },
  render: (args) => tiles(args, fallbackLinks),
};

/**
 * A host page's theme: the `--medverka-*` custom properties, plus `::part()` for what the
 * properties do not reach. The tiles have no colours of their own here, so the accent shows.
 */
export const Themed: Story = {
  args: { api: mockApi('themed', { [tileSetPath]: { json: engageraDigUncoloured } }), 'show-title': true },
  decorators: [
    (story) => html`
      <style>
        .host-theme medverka-tiles {
          --medverka-color-accent: #7a1f4b;
          --medverka-color-text: #2b1a22;
          --medverka-color-surface: #fdf6f9;
          --medverka-radius: 0;
          --medverka-spacing: 1.25em;
          --medverka-font-family: Georgia, 'Times New Roman', serif;
          --medverka-tiles-columns: 2;
        }
        .host-theme medverka-tiles::part(tile) {
          border-width: 0 0 0 0.375em;
          border-style: solid;
          border-color: #7a1f4b;
          box-shadow: 0 1px 3px rgb(0 0 0 / 0.25);
        }
        .host-theme medverka-tiles::part(tile-title) {
          text-transform: uppercase;
          letter-spacing: 0.04em;
        }
        .host-theme medverka-tiles::part(heading) {
          color: #7a1f4b;
        }
      </style>
      <div class="host-theme">${story()}</div>
    `,
  ],
};

/** 320 px, the narrowest a page must work at (WCAG 1.4.10): one column. */
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  args: { api: mockApi('narrow', { [tileSetPath]: { json: engageraDig } }) },
  decorators: [narrow],
};

/** A wide content column: up to four columns (`--medverka-tiles-columns`). */
export const Wide: Story = {
  name: 'Wide (1200 px)',
  args: { api: mockApi('wide', { [tileSetPath]: { json: engageraDig } }) },
  decorators: [(story) => html`<div style="inline-size: 1200px; outline: 1px dashed #999">${story()}</div>`],
};

/** `show-title`: the set's title as a heading of the given level above the tiles. */
export const WithTitle: Story = {
  name: 'With title (show-title)',
  args: { api: mockApi('title', { [tileSetPath]: { json: engageraDig } }), 'show-title': true, 'heading-level': 2 },
};

/**
 * A tile that opens a widget in place (target kind `widget`). The widget here is not one the
 * page can load, so the panel says so and links to the tile's page instead; the play
 * function opens it.
 */
export const WidgetCannotOpen: Story = {
  name: 'Tile opening a widget that cannot open here',
  args: { api: mockApi('widget', { [tileSetPath]: { json: withWidgetTile } }) },
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('medverka-tiles')!;
    const tile = await shownIn<HTMLButtonElement>(canvasElement, 'medverka-tiles', 'button[part="tile"]');
    await userEvent.click(tile);
    await waitFor(() => expect(element.shadowRoot?.querySelector('[part="panel"] a')).toBeTruthy());
    await expect(tile.getAttribute('aria-expanded')).toBe('true');
  },
};
