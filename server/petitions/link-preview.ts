import { escapeHtml } from '../pages/html.js';

/** About what link previews show before they cut the text themselves. */
const descriptionLength = 200;

/**
 * The link preview of a public petition's page: what a chat, a mail program or a social
 * network shows when its address is shared (Open Graph, and twitter:card, which X and others
 * read). Text only: there is no image to show, so the card is the small "summary".
 */
export function petitionPreviewMeta(petition: { title: string; body: string }, { url, siteName, lang }: { url: string; siteName: string; lang: 'sv' | 'en' }): string {
  const description = shorten(petition.body.replace(/\s+/g, ' ').trim());
  const tags: [string, string, string][] = [
    ['name', 'description', description],
    ['property', 'og:type', 'website'],
    ['property', 'og:title', petition.title],
    ['property', 'og:description', description],
    ['property', 'og:url', url],
    ['property', 'og:site_name', siteName],
    ['property', 'og:locale', lang === 'en' ? 'en_GB' : 'sv_SE'],
    ['name', 'twitter:card', 'summary'],
    ['name', 'twitter:title', petition.title],
    ['name', 'twitter:description', description],
  ];
  return tags.map(([attr, key, value]) => `<meta ${attr}="${key}" content="${escapeHtml(value)}">\n`).join('');
}

/** The text up to about `descriptionLength` characters, cut at a word, with an ellipsis when cut. */
function shorten(text: string): string {
  if (text.length <= descriptionLength) return text;
  const cut = text.slice(0, descriptionLength);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > descriptionLength / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}
