import { z } from '@hono/zod-openapi';
import { iconNames } from '../../contract/icon-names.js';

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

// What staff write and read in the console.

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const requiredText = (max: number) => text(max).min(1, 'is required');
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

/** Where a tile may lead: an http(s), mailto or tel address, or a path on the same site. */
export const Href = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (v) => /^(https?:\/\/[^\s]+|mailto:[^\s]+|tel:[+\d][\d\s-]*|\/[^\s]*|#[^\s]*)$/i.test(v),
    'must be an https://, mailto: or tel: address, or a path starting with /',
  )
  .openapi({ example: 'https://www.kommun.se/synpunkter' });

export const Colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #005a9c')
  .openapi({ example: '#005a9c' });

/** The Medverka widgets a tile can open in place. */
export const openableWidgets = ['petitions', 'petition', 'budget', 'chat', 'poll', 'panel', 'survey'] as const;

/** A tile as staff see and edit it: both languages, hidden or not, every field. */
export const StaffTile = z
  .object({
    id: z.number().int(),
    position: z.number().int(),
    titleSv: z.string(),
    titleEn: z.string().nullable(),
    descriptionSv: z.string(),
    descriptionEn: z.string().nullable(),
    icon: z.enum(iconNames),
    targetKind: z.enum(['link', 'widget']),
    href: z.string().nullable(),
    widget: z.enum(openableWidgets).nullable(),
    widgetAttributes: z.record(z.string(), z.string()),
    colour: z.string().nullable(),
    hidden: z.boolean(),
  })
  .openapi('StaffTile');
export type StaffTile = z.infer<typeof StaffTile>;

export const TileInput = z
  .object({
    titleSv: requiredText(200),
    titleEn: optionalText(200),
    descriptionSv: text(500).default(''),
    descriptionEn: optionalText(500),
    icon: z.enum(iconNames),
    targetKind: z.enum(['link', 'widget']),
    href: Href.nullable().optional(),
    widget: z.enum(openableWidgets).nullable().optional(),
    widgetAttributes: z
      .record(z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'attribute names are lower-case letters, digits and hyphens'), z.string().max(200))
      .refine((r) => Object.keys(r).length <= 10, 'at most 10 attributes')
      .refine((r) => !Object.keys(r).some((k) => k.startsWith('on')), 'event-handler attributes are not allowed')
      .default({}),
    colour: Colour.nullable().optional(),
    hidden: z.boolean().default(false),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.targetKind === 'link' && !t.href) ctx.addIssue({ code: 'custom', path: ['href'], message: 'a link tile needs an address' });
    if (t.targetKind === 'widget' && !t.widget) ctx.addIssue({ code: 'custom', path: ['widget'], message: 'a widget tile needs a widget' });
  })
  .openapi('TileInput');
export type TileInput = z.input<typeof TileInput>;
export type TileValues = z.output<typeof TileInput>;

export const StaffTileSet = z
  .object({
    slug: SetSlug,
    titleSv: z.string(),
    titleEn: z.string().nullable(),
    updatedAt: z.string(),
    tiles: z.array(StaffTile),
  })
  .openapi('StaffTileSet');
export type StaffTileSet = z.infer<typeof StaffTileSet>;

export const TileSetInput = z
  .object({ slug: SetSlug, titleSv: requiredText(200), titleEn: optionalText(200) })
  .strict()
  .openapi('TileSetInput');

export const TileSetUpdate = z
  .object({ titleSv: requiredText(200), titleEn: optionalText(200) })
  .strict()
  .openapi('TileSetUpdate');

export const TileOrder = z
  .object({ tileIds: z.array(z.number().int()).min(1).max(200) })
  .strict()
  .openapi('TileOrder');

/** What the embed-snippet builder needs to write a snippet that works. */
export const EmbedInfo = z
  .object({
    origin: z.string().openapi({ example: 'https://dialog.kommun.se' }),
    loaderUrl: z.string(),
    loaderIntegrity: z.string().nullable(),
    allowedOrigins: z.array(z.string()),
    tileSets: z.array(z.object({ slug: z.string(), titleSv: z.string() })),
  })
  .openapi('EmbedInfo');
export type EmbedInfo = z.infer<typeof EmbedInfo>;
