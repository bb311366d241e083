import { str, type TemplateMap } from '../../shared/localize.js';

/** English for <medverka-tiles>; ids match the msg() calls in tiles.element.ts. */
export const templates: TemplateMap = {
  'tiles.loading': 'Loading …',
  'tiles.error': 'The content could not be loaded just now.',
  'tiles.retry': 'Try again',
  'tiles.empty': 'There is nothing to show here just now.',
  'tiles.close': 'Back to all choices',
  'tiles.unavailable': 'This cannot be opened here just now.',
  'tiles.open-page': str`Go to “${0}” instead`,
  'tiles.list-label': 'Ways to take part',
};
