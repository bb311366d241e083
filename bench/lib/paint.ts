/**
 * When each widget's content is painted, and how much the page's layout shifted, in headless
 * Chromium on the pages the bench's server serves: the demo pages (a CMS-like municipal page
 * with one widget, and the chat's launcher in the sidebar) and, for a single petition, its
 * iframe embed page. Each page is loaded cold (a new browser context) at a phone's width and
 * a desktop's.
 */
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../test/chromium.js';
import { benchPetition } from './petitions.js';
import type { BenchServer } from './server.js';
import { table } from './table.js';

/** The widths measured, each with the height of a common screen of that width. */
export const paintViewports = [
  { width: 375, height: 812 },
  { width: 1280, height: 800 },
] as const;

export interface PaintRow {
  widget: string;
  /** The page it was measured on (path on the server). */
  page: string;
  width: number;
  /** Milliseconds from navigation start to the first frame after the one that showed its content; null if it never did. */
  paintMs: number | null;
  /** The page's cumulative layout shift (shifts without recent input) until it settled. */
  cls: number;
  /** What shifted, largest entry first: the entry's score and time, the element, and its rectangle before → after. */
  shifts: string[];
  notes: string[];
}

interface PaintPage {
  path: string;
  /** The widgets on it, by tag; each gets a row. */
  tags: string[];
}

/** What the page reports back. */
interface Measured {
  painted: Record<string, number>;
  cls: number;
  shifts: { value: number; time: number; sources: string[] }[];
}

/**
 * Runs in the page before its own scripts. Each animation frame it looks into every watched
 * widget's shadow root: a Lit widget has content once its `[part~=base]` is there and no
 * longer `aria-busy="true"` (its data has arrived) and has a height; the chat's launcher once
 * its button has its label. The content was in the DOM when that frame began, so that frame
 * painted it: the time recorded is the start of the next frame (an upper bound on the paint).
 * Layout shifts are summed as Core Web Vitals does (all entries without recent input; one page
 * view, so no session windows), with their sources.
 */
function instrument(tags: string[]) {
  const state: Measured = { painted: {}, cls: 0, shifts: [] };
  (window as unknown as { __medverkaPaint: Measured }).__medverkaPaint = state;
  const describe = (node: Node | null | undefined): string => {
    if (!node) return '(gone)';
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el) return node.nodeName;
    const host = (el.getRootNode() as ShadowRoot).host;
    const name = `${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    return host ? `${host.localName} › ${name}` : name;
  };
  const rect = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    })[]) {
      if (entry.hadRecentInput) continue;
      state.cls += entry.value;
      state.shifts.push({
        value: entry.value,
        time: entry.startTime,
        sources: (entry.sources ?? []).map((s) => `${describe(s.node)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const ready = (el: Element | null) => {
    const root = el?.shadowRoot;
    if (!root) return false;
    if (el.localName === 'medverka-chat') return !!root.querySelector('.open span')?.textContent;
    const base = root.querySelector('[part~="base"]');
    return !!base && base.getAttribute('aria-busy') !== 'true' && base.getBoundingClientRect().height > 0;
  };
  const seen = new Set<string>();
  const frame = (time: number) => {
    for (const tag of tags) {
      if (seen.has(tag)) {
        state.painted[tag] ??= time;
      } else if (ready(document.querySelector(tag))) {
        seen.add(tag);
      }
    }
    if (tags.some((t) => state.painted[t] === undefined)) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** How long a page may take to show every widget; then how long to go on watching for shifts. */
const readyTimeoutMs = 15_000;
const settleMs = 1_500;

async function measurePage(browser: Browser, server: BenchServer, page: PaintPage, viewport: { width: number; height: number }): Promise<PaintRow[]> {
  const context = await browser.newContext({ viewport, locale: 'sv-SE' });
  const notes: string[] = [];
  try {
    const tab = await context.newPage();
    tab.on('pageerror', (err) => notes.push(`page error: ${err.message}`));
    // As source text: tsx (esbuild, keepNames) wraps the function's inner functions in __name(),
    // which exists in Node, not in the page.
    await tab.addInitScript({ content: `(() => { const __name = (f) => f; (${instrument.toString()})(${JSON.stringify(page.tags)}); })();` });
    await tab.goto(server.origin + page.path, { waitUntil: 'load' });
    // A function, not a string: the demo pages' Content-Security-Policy forbids eval.
    await tab
      .waitForFunction((tags) => tags.every((t) => (window as unknown as { __medverkaPaint: Measured }).__medverkaPaint.painted[t] !== undefined), page.tags, {
        timeout: readyTimeoutMs,
        polling: 100,
      })
      .catch(() => notes.push(`not every widget showed its content within ${readyTimeoutMs / 1000} s`));
    await tab.waitForTimeout(settleMs);
    const measured = await tab.evaluate(() => (window as unknown as { __medverkaPaint: Measured }).__medverkaPaint);
    const shifts = measured.shifts
      .sort((a, b) => b.value - a.value)
      .flatMap((s) => s.sources.map((src) => `${s.value.toFixed(4)} at ${Math.round(s.time)} ms: ${src}`));
    return page.tags.map((tag) => ({
      widget: tag === 'medverka-chat' ? 'chat launcher' : tag.replace(/^medverka-/, ''),
      page: page.path,
      width: viewport.width,
      paintMs: measured.painted[tag] === undefined ? null : Math.round(measured.painted[tag]),
      cls: Number(measured.cls.toFixed(4)),
      shifts,
      notes,
    }));
  } finally {
    await context.close();
  }
}

/** Every widget's paint time and its page's layout shift, at each width. */
export async function measurePaint(server: BenchServer): Promise<PaintRow[]> {
  const petition = await benchPetition(server);
  const pages: PaintPage[] = [
    { path: '/demo', tags: ['medverka-tiles', 'medverka-chat'] },
    { path: `/embed/petition/${petition.id}`, tags: ['medverka-petition'] },
    { path: '/demo/e-forslag', tags: ['medverka-petitions'] },
    { path: '/demo/budget', tags: ['medverka-budget'] },
    { path: '/demo/snabbfraga', tags: ['medverka-poll'] },
    { path: '/demo/panel', tags: ['medverka-panel'] },
  ];
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  try {
    const rows: PaintRow[] = [];
    for (const page of pages) {
      for (const viewport of paintViewports) rows.push(...(await measurePage(browser, server, page, viewport)));
    }
    return rows;
  } finally {
    await browser.close();
  }
}

/** The paint rows: one per widget and width; a page's shifts are shown once, on its first row. */
export function paintTable(rows: PaintRow[]): string {
  const shown = new Set<string>();
  return table(
    ['widget', 'page', 'width', 'painted ms', 'page CLS', 'what shifted (largest first)'],
    rows.map((r) => {
      const key = `${r.page} ${r.width}`;
      const first = !shown.has(key);
      shown.add(key);
      const what = first ? [...r.shifts.slice(0, 3), ...(r.shifts.length > 3 ? [`… ${r.shifts.length - 3} more`] : []), ...r.notes].join('; ') : '(as above)';
      return [r.widget, r.page, String(r.width), r.paintMs === null ? '–' : String(r.paintMs), r.cls.toFixed(4), what];
    }),
    [2, 3, 4],
  );
}
