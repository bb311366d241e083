/**
 * The console's English, gathered from its features' own maps (each feature keeps its strings
 * in <feature>/locales/en.ts; Swedish is written in the code). The console is one bundle, so
 * every screen reads the whole map: a screen that shows another feature's labels finds them.
 */
import type { TemplateMap } from '../shared/localize.js';
import { templates as budgets } from './budgets/locales/en.js';
import { templates as chat } from './chat/locales/en.js';
import { templates as embed } from './embed/locales/en.js';
import { templates as kit } from './kit/locales/en.js';
import { templates as panel } from './panel/locales/en.js';
import { templates as petitions } from './petitions/locales/en.js';
import { templates as polls } from './polls/locales/en.js';
import { templates as shell } from './shell/locales/en.js';
import { templates as staff } from './staff/locales/en.js';
import { templates as tiles } from './tiles/locales/en.js';

export const en: TemplateMap = { ...kit, ...shell, ...tiles, ...petitions, ...budgets, ...polls, ...panel, ...chat, ...embed, ...staff };
