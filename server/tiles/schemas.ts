import { z } from '@hono/zod-openapi';
import { iconNames } from '../../widgets/tiles/icon-names.js';

export const SetSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1–64 lower-case letters a–z, digits or hyphens')
  .openapi({ example: 'engagera-dig', description: 'The tile set’s name as used in the embed code.' });

/** A text in Swedish, and in English where staff have written one. */
export const Localized = z
  .object({
    sv: z.string(),
    en: z.string().nullable(),
  })
  .openapi('LocalizedText');

export const TileTarget = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('link'),
      href: z.string().openapi({ example: 'https://www.kommun.se/synpunkter' }),
    }),
    z.object({
      kind: z.literal('widget'),
      widget: z.string().openapi({ example: 'petitions', description: 'A Medverka widget, opened in place.' }),
      attributes: z.record(z.string(), z.string()).openapi({ example: {} }),
      href: z.string().nullable().openapi({ description: 'Where to go if the widget cannot be opened.' }),
    }),
  ])
  .openapi('TileTarget');

export const Tile = z
  .object({
    id: z.number().int(),
    title: Localized,
    description: Localized,
    icon: z.enum(iconNames),
    target: TileTarget,
    colour: z.string().nullable().openapi({ example: '#00664f' }),
  })
  .openapi('Tile');

export const TileSet = z
  .object({
    slug: SetSlug,
    title: Localized,
    tiles: z.array(Tile),
  })
  .openapi('TileSet');

export const TileSetSummary = z
  .object({ slug: SetSlug, title: Localized, tileCount: z.number().int() })
  .openapi('TileSetSummary');

export type Tile = z.infer<typeof Tile>;
export type TileSet = z.infer<typeof TileSet>;
export type TileTarget = z.infer<typeof TileTarget>;
export type TileSetSummary = z.infer<typeof TileSetSummary>;
