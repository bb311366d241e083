/** The two languages of the pages residents reach from mails. */
export type Lang = 'sv' | 'en';
/** A page's language from its ?lang=: English when asked for, else Swedish. */
export const langOf = (value: string | undefined): Lang => (value === 'en' ? 'en' : 'sv');

/** Escapes text for use in HTML text and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Fills {{name}} slots in a page template; values are HTML the caller has made safe. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Template slot {{${name}}} has no value`);
    return value;
  });
}

/** What the resident pages need from the configuration. */
export interface PageConfig {
  publicUrl: URL;
  allowedOrigins: string[];
  municipalityName: string | undefined;
}

export interface ResidentPage {
  lang: Lang;
  title: string;
  /** The page's content: HTML the caller has made safe. */
  body: string;
  /** Show the title as the page's h1 (a widget that brings its own heading says false). */
  heading?: boolean;
  /** More for <head>: HTML the caller has made safe. */
  head?: string;
  /** A link onward, e.g. back to where the resident came from once they have confirmed. */
  back?: string;
}

const backLabel = {
  sv: (name: string | undefined) => (name ? `Tillbaka till ${name}` : 'Tillbaka till webbplatsen'),
  en: (name: string | undefined) => (name ? `Back to ${name}` : 'Back to the website'),
};

/**
 * The one layout of the pages residents reach from a mail (confirming, leaving the panel, a
 * petition's own page): the municipality's name at the top, its colour (/sidor.css, made from
 * BRAND_COLOR), real buttons (`class="button"`), and, where given, a link back.
 */
export function residentPage(config: PageConfig, page: ResidentPage): string {
  const { lang, title, body, heading = true, head = '', back } = page;
  const name = config.municipalityName ?? config.publicUrl.hostname;
  const onward = back ? `\n<p class="onward"><a class="button secondary" href="${escapeHtml(back)}">${escapeHtml(backLabel[lang](config.municipalityName))}</a></p>` : '';
  return (
    `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="referrer" content="no-referrer">\n<title>${escapeHtml(title)} – ${escapeHtml(name)}</title>\n<link rel="stylesheet" href="/sidor.css">\n${head}</head>\n` +
    `<body>\n<header class="site"><p class="municipality">${escapeHtml(name)}</p></header>\n` +
    `<main>\n${heading ? `<h1>${escapeHtml(title)}</h1>\n` : ''}${body}${onward}\n</main>\n</body>\n</html>\n`
  );
}

/**
 * Where "back" leads: the address the resident came from when it is on this server or one of
 * the municipality's own sites (ALLOWED_ORIGINS) — never anywhere else, so the link cannot
 * send anyone to a stranger's page — or else the municipality's first site, or this server.
 */
export function backAddress(config: PageConfig, requested: string | undefined): string {
  return ownPage(config, requested) ?? (config.allowedOrigins[0] ? `${config.allowedOrigins[0]}/` : config.publicUrl.href);
}

/** The address when it is a page on this server or one of the municipality's sites, else undefined. */
export function ownPage(config: PageConfig, requested: string | undefined): string | undefined {
  const own = [config.publicUrl.origin, ...config.allowedOrigins];
  if (!requested || requested.length > 2000 || !URL.canParse(requested)) return undefined;
  const url = new URL(requested);
  return (url.protocol === 'https:' || url.protocol === 'http:') && own.includes(url.origin) ? url.href : undefined;
}

/**
 * What a confirmation link in a mail carries so that the page it opens can lead back to the
 * page the resident sent the form from (`&tillbaka=…`): only for the municipality's own pages.
 */
export function backQuery(config: PageConfig, returnTo: string | undefined): string {
  const page = ownPage(config, returnTo);
  return page ? `&tillbaka=${encodeURIComponent(page)}` : '';
}

/** The stylesheet of the resident pages, in the municipality's colour (checked by config.ts). */
export function residentCss(brandColor: string): string {
  return `:root{--brand:${brandColor};color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.0625rem;line-height:1.5;color:#1a1a1a;background:#fff}
.site{background:var(--brand);color:#fff;padding:.75rem 1rem;border-bottom:1px solid transparent}
.municipality{margin:0 auto;max-width:38rem;font-weight:700;font-size:1.125rem}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:clamp(1.375rem,5vw + .5rem,1.75rem);line-height:1.25;margin:0 0 1rem;overflow-wrap:break-word;hyphens:manual}
p{margin:0 0 1rem;max-width:65ch}
a{color:var(--brand);text-underline-offset:.15em}
form{margin:1.5rem 0}
.button{display:inline-flex;align-items:center;justify-content:center;min-height:2.75rem;min-width:2.75rem;padding:.625rem 1.25rem;border:2px solid var(--brand);border-radius:.375rem;background:var(--brand);color:#fff;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.button:hover{text-decoration:underline}
.button:focus-visible,a:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
.button.secondary{background:#fff;color:var(--brand)}
.onward{margin-top:2rem}
fieldset{border:0;padding:0;margin:0 0 1.25rem}
legend{font-weight:600;margin-bottom:.5rem;padding:0}
.scale label{display:flex;align-items:center;gap:.625rem;min-height:2.75rem}
.scale input{width:1.5rem;height:1.5rem;margin:0;accent-color:var(--brand)}
.problem{color:#b3261e;font-weight:600}
@media (forced-colors:active){.button{border-color:ButtonText}.site{border-bottom-color:CanvasText}}
`;
}
