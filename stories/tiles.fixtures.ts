/**
 * Tile sets for the <medverka-tiles> stories, shaped exactly like `GET /api/tile-sets/{set}`
 * answers. The texts are the demo set the server seeds (server/tiles/seed.ts). Links are
 * fragments: Storybook cancels link clicks anyway (.storybook/preview.ts), and a fragment
 * makes no promise about a real page.
 */
import type { Tile, TileSet } from '../widgets/shared/api.js';

const link = (href: string) => ({ kind: 'link', href }) as const;

export const engageraDig: TileSet = {
  slug: 'engagera-dig',
  title: { sv: 'Engagera dig', en: 'Get involved' },
  tiles: [
    {
      id: 1,
      title: {
        sv: 'Jag vill förbättra kommunen med synpunkter och egna förslag',
        en: 'I want to improve the municipality with feedback and my own proposals',
      },
      description: {
        sv: 'Lämna en synpunkt eller skriv ett e-förslag som andra kan skriva under.',
        en: 'Give feedback or write an e-petition that others can sign.',
      },
      icon: 'lightbulb',
      target: link('#forslag'),
      colour: '#005a9c',
    },
    {
      id: 2,
      title: { sv: 'Jag vill engagera mig politiskt', en: 'I want to get involved in politics' },
      description: {
        sv: 'Så fungerar nämnder och fullmäktige, och så blir du förtroendevald.',
        en: 'How the committees and the council work, and how to become an elected representative.',
      },
      icon: 'landmark',
      target: link('#politik'),
      colour: '#6b3fa0',
    },
    {
      id: 3,
      title: {
        sv: 'Jag vill tycka till om planerade ändringar i stadsmiljön',
        en: 'I want to comment on planned changes to the townscape',
      },
      description: {
        sv: 'Se detaljplaner och byggprojekt som är på samråd just nu.',
        en: 'See local plans and building projects that are open for consultation now.',
      },
      icon: 'city',
      target: link('#samrad'),
      colour: '#00664f',
    },
    {
      id: 4,
      title: { sv: 'Jag vill engagera mig ideellt', en: 'I want to volunteer' },
      description: {
        sv: 'Föreningar och organisationer som söker volontärer nära dig.',
        en: 'Associations and organisations looking for volunteers near you.',
      },
      icon: 'heart-hand',
      target: link('#ideellt'),
      colour: '#b3261e',
    },
    {
      id: 5,
      title: { sv: 'Jag vill skapa något', en: 'I want to create something' },
      description: {
        sv: 'Sök bidrag för kultur, evenemang och idéer som gör kommunen roligare.',
        en: 'Apply for grants for culture, events and ideas that make the municipality more fun.',
      },
      icon: 'sparkles',
      target: link('#skapa'),
      colour: '#8a5300',
    },
    {
      id: 6,
      title: { sv: 'Jag vill hjälpa en medmänniska', en: 'I want to help a fellow human being' },
      description: {
        sv: 'Bli kontaktperson, god man eller familjehem.',
        en: 'Become a support person, a guardian or a foster family.',
      },
      icon: 'helping-hands',
      target: link('#hjalpa'),
      colour: '#1d5c96',
    },
  ],
};

/** The same set with no tile colours of its own, so a theme's accent shows on every tile. */
export const engageraDigUncoloured: TileSet = {
  ...engageraDig,
  tiles: engageraDig.tiles.map((tile) => ({ ...tile, colour: null })),
};

/** The set as it is before staff have added any tiles (or after they have hidden them all). */
export const emptySet: TileSet = { ...engageraDig, tiles: [] };

/**
 * A tile that opens a widget in place. `felanmalan` is not a Medverka widget this page can
 * load, so opening it shows "cannot be opened here" with a link to the tile's page instead.
 */
export const unknownWidgetTile: Tile = {
  id: 7,
  title: { sv: 'Jag vill felanmäla något i stadsmiljön', en: 'I want to report a fault in the townscape' },
  description: {
    sv: 'En trasig gatlykta, klotter eller ett hål i vägen? Berätta var.',
    en: 'A broken street light, graffiti or a pothole? Tell us where.',
  },
  icon: 'map',
  target: { kind: 'widget', widget: 'felanmalan', attributes: { kategori: 'gata' }, href: '#felanmalan' },
  colour: '#00664f',
};

export const withWidgetTile: TileSet = {
  ...engageraDig,
  tiles: [unknownWidgetTile, ...engageraDig.tiles.slice(0, 2)],
};
