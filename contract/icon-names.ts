/**
 * The built-in icon set for tiles. Shared by the widget (which draws them) and the server
 * (which only accepts these names), so a tile can never ask for an icon that does not exist.
 */
export const iconNames = [
  'lightbulb',
  'landmark',
  'city',
  'heart-hand',
  'sparkles',
  'helping-hands',
  'chat',
  'megaphone',
  'calendar',
  'map',
  'vote',
  'coins',
  'info',
  'arrow',
] as const;

export type IconName = (typeof iconNames)[number];
