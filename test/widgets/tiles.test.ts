/// <reference types="mocha" />
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { widgetModules } from '../../widgets/loader/registry.js';
import type { MedverkaLoadErrorDetail, MedverkaTileOpenDetail } from '../../widgets/shared/events.js';
import '../../widgets/tiles/define.js';
import { resetPage, root } from './resident.js';
import type { MedverkaTiles } from '../../widgets/tiles/tiles.element.js';
// @ts-expect-error: served by the test runner's config, not a file
import { api, hangingApi } from '/test-api.js';

const tiles = (el: MedverkaTiles) => [...root(el).querySelectorAll<HTMLElement>('.grid .tile')];
const titles = (el: MedverkaTiles) => tiles(el).map((t) => t.querySelector('.title')!.textContent!.trim());

async function loaded(el: MedverkaTiles) {
  await waitUntil(() => root(el).querySelector('.grid, .message'), 'the widget settles', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

async function tilesFrom(set: string, attrs: { lang?: string } = {}) {
  const el = await fixture<MedverkaTiles>(html`<medverka-tiles set=${set} api=${api as string} lang=${attrs.lang ?? 'sv'}></medverka-tiles>`);
  return loaded(el);
}

describe('<medverka-tiles>', () => {
  afterEach(resetPage);

  it('renders the tile set from the API as links, in Swedish by default', async () => {
    const el = await tilesFrom('engagera-dig');
    expect(titles(el)).to.deep.equal([
      'Jag vill förbättra kommunen med synpunkter och egna förslag',
      'Jag vill engagera mig politiskt',
      'Jag vill tycka till om planerade ändringar i stadsmiljön',
      'Jag vill engagera mig ideellt',
      'Jag vill skapa något',
      'Jag vill hjälpa en medmänniska',
    ]);
    const first = tiles(el)[0]!;
    expect(first.localName).to.equal('a');
    expect(first.getAttribute('href')).to.equal('/demo#forslag');
    expect(first.querySelector('.description')!.textContent).to.contain('e-förslag');
    expect(first.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect(root(el).querySelector('ul')!.getAttribute('aria-label')).to.equal('Engagera dig');
    await expect(el).to.be.accessible();
  });

  it('speaks English when the element or an ancestor says lang="en", and follows a change', async () => {
    const el = await tilesFrom('engagera-dig', { lang: 'en' });
    expect(titles(el)[1]).to.equal('I want to get involved in politics');
    el.setAttribute('lang', 'sv-SE');
    await waitUntil(() => titles(el)[1] === 'Jag vill engagera mig politiskt', 'switches to Swedish');

    const wrapper = await fixture<HTMLElement>(html`<div lang="en-GB"><medverka-tiles set="engagera-dig" api=${api as string}></medverka-tiles></div>`);
    const inner = await loaded(wrapper.querySelector('medverka-tiles')!);
    expect(titles(inner)[3]).to.equal('I want to volunteer');
    expect(root(inner).querySelector('ul')!.getAttribute('aria-label')).to.equal('Get involved');
    await expect(inner).to.be.accessible();
    wrapper.setAttribute('lang', 'sv');
    await waitUntil(() => titles(inner)[3] === 'Jag vill engagera mig ideellt', 'follows a change on an ancestor');
  });

  it('follows a lang change inside the shadow root it sits in', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const wrapper = document.createElement('section');
    wrapper.lang = 'sv';
    wrapper.innerHTML = `<medverka-tiles set="engagera-dig"></medverka-tiles>`;
    wrapper.firstElementChild!.setAttribute('api', api as string);
    shadow.append(wrapper);
    const inner = await loaded(wrapper.firstElementChild as MedverkaTiles);
    expect(titles(inner)[3]).to.equal('Jag vill engagera mig ideellt');
    wrapper.lang = 'en';
    await waitUntil(() => titles(inner)[3] === 'I want to volunteer', 'switches to English');
  });

  it('enhances plain links written inside it when there is no tile set', async () => {
    // The javascript: link is the hostile input under test.
    /* eslint-disable lit-a11y/anchor-is-valid */
    const el = await fixture<MedverkaTiles>(html`<medverka-tiles>
      <a href="/synpunkter" data-icon="lightbulb"><strong>Lämna en synpunkt</strong> Berätta vad du tycker.</a>
      <a href="https://www.kommun.se/politik">Följ politiken</a>
      <a href="javascript:alert(1)">Farlig</a>
    </medverka-tiles>`);
    /* eslint-enable lit-a11y/anchor-is-valid */
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Lämna en synpunkt', 'Följ politiken']);
    expect(tiles(el)[0]!.querySelector('.description')!.textContent).to.equal('Berätta vad du tycker.');
    expect(tiles(el)[1]!.getAttribute('href')).to.equal('https://www.kommun.se/politik');
    expect(root(el).querySelector('ul')!.getAttribute('aria-label')).to.equal('Sätt att vara med');
    await expect(el).to.be.accessible();

    el.insertAdjacentHTML('beforeend', '<a href="/ny">En ny länk</a>');
    await waitUntil(() => titles(el).length === 3, 'notices links the CMS adds later');
  });

  it('shows a loading state, announced, only when loading takes a while', async () => {
    const el = await fixture<MedverkaTiles>(html`<medverka-tiles set="engagera-dig" api=${hangingApi as string}></medverka-tiles>`);
    await el.updateComplete;
    expect(root(el).children.length, 'nothing flashes during a quick load').to.equal(0);
    await waitUntil(() => root(el).querySelector('[role=status]'), 'a slow load says so', { timeout: 2000 });
    const status = root(el).querySelector('[role=status]')!;
    expect(status.textContent).to.equal('Laddar …');
    expect(root(el).querySelector('.base')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shows an empty state for a set with no visible tiles', async () => {
    const el = await tilesFrom('tom');
    expect(root(el).querySelector('.message')!.textContent!.trim()).to.equal('Här finns inget att visa just nu.');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry button, and tells the page', async () => {
    const el = document.createElement('medverka-tiles');
    el.setAttribute('api', api as string);
    el.setAttribute('set', 'finns-inte');
    const event = oneEvent(el, 'medverka-load-error');
    document.body.append(el);
    const { detail } = (await event) as CustomEvent<MedverkaLoadErrorDetail>;
    expect(detail).to.deep.equal({ what: 'tile-set', status: 404 });
    await loaded(el);
    const alert = root(el).querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('Det gick inte att hämta innehållet just nu.');
    await expect(el).to.be.accessible();

    const again = oneEvent(el, 'medverka-load-error');
    root(el).querySelector<HTMLButtonElement>('.retry')!.click();
    await again;
    el.remove();
  });

  it('falls back to the editor’s own links when the tile set cannot be loaded', async () => {
    const el = await fixture<MedverkaTiles>(html`<medverka-tiles set="finns-inte" api=${api as string}>
      <a href="/synpunkter">Lämna en synpunkt</a>
    </medverka-tiles>`);
    await waitUntil(() => titles(el).length === 1, 'shows the fallback link as a tile');
    expect(root(el).querySelector('[role=alert]')).to.equal(null);
  });

  it('is operated by keyboard: Tab reaches each tile in order with a visible focus ring', async () => {
    const el = await tilesFrom('engagera-dig');
    const before = await fixture<HTMLButtonElement>(html`<button>före</button>`);
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(tiles(el)[0]);
    const ring = getComputedStyle(tiles(el)[0]!);
    expect(ring.outlineStyle).to.equal('solid');
    expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(tiles(el)[1]);
  });

  it('opens a widget in place from a tile, moves focus to it, and returns focus on Escape', async () => {
    widgetModules['medverka-test-widget'] = async () => {
      if (!customElements.get('medverka-test-widget')) {
        customElements.define('medverka-test-widget', class extends HTMLElement {
          connectedCallback() {
            this.textContent = 'Testwidget';
          }
        });
      }
    };
    const el = await tilesFrom('med-widget');
    const opener = tiles(el)[0]!;
    expect(opener.localName).to.equal('button');
    expect(opener.getAttribute('aria-expanded')).to.equal('false');
    const opened = oneEvent(el, 'medverka-tile-open');
    opener.focus();
    await sendKeys({ press: 'Enter' });
    const { detail } = (await opened) as CustomEvent<MedverkaTileOpenDetail>;
    expect(detail).to.deep.equal({ tileId: detail.tileId, title: 'Öppna testwidgeten', target: 'widget', destination: 'medverka-test-widget' });
    await waitUntil(() => root(el).querySelector('medverka-test-widget'), 'the widget is placed in the panel');
    const panel = root(el).querySelector<HTMLElement>('[role=region]')!;
    expect(panel.getAttribute('aria-label')).to.equal('Öppna testwidgeten');
    await waitUntil(() => root(el).activeElement === panel, 'focus moves to the panel');
    const widget = root(el).querySelector('medverka-test-widget')!;
    expect(widget.getAttribute('petition')).to.equal('42');
    expect(widget.getAttribute('api')).to.equal(api);
    expect(widget.hasAttribute('onclick'), 'event-handler attributes are never copied').to.equal(false);
    expect(opener.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root(el).querySelector('[role=region]'), 'the panel closes');
    expect(root(el).activeElement).to.equal(tiles(el)[0]);
  });

  it('says so, and offers the tile’s page, when the widget to open does not exist', async () => {
    const el = await tilesFrom('med-widget');
    tiles(el)[1]!.click();
    await waitUntil(() => root(el).querySelector('[role=region] .message'), 'the panel explains');
    const panel = root(el).querySelector('[role=region]')!;
    expect(panel.textContent).to.contain('Det här går inte att öppna här just nu.');
    expect(panel.querySelector('a')!.getAttribute('href')).to.equal('/reserv');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('.close')!.click();
    await waitUntil(() => !root(el).querySelector('[role=region]'), 'the back button closes the panel');
  });

  it('renders hostile texts as text and leaves out links it cannot safely follow', async () => {
    const el = await tilesFrom('med-widget');
    await aTimeout(50);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
    expect(titles(el)).to.include('<img src=x onerror="window.__xss=1">');
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect(titles(el)).not.to.include('Farlig länk');
  });

  it('lets a listener take over a tile by cancelling medverka-tile-open', async () => {
    const el = await tilesFrom('engagera-dig');
    el.addEventListener('medverka-tile-open', (e) => e.preventDefault(), { once: true });
    const before = location.href;
    tiles(el)[0]!.click();
    await aTimeout(20);
    expect(location.href).to.equal(before);
  });

  it('fits one to four columns to the space it has, with targets of at least 44 px', async () => {
    const columnsAt = async (width: string) => {
      const wrap = await fixture<HTMLElement>(html`<div style="width:${width};font-size:16px"><medverka-tiles set="engagera-dig" api=${api as string}></medverka-tiles></div>`);
      const el = await loaded(wrap.querySelector('medverka-tiles')!);
      for (const t of tiles(el)) expect(t.getBoundingClientRect().height).to.be.at.least(44);
      return new Set(tiles(el).map((t) => Math.round(t.getBoundingClientRect().left))).size;
    };
    await setViewport({ width: 1400, height: 900 });
    expect(await columnsAt('300px')).to.equal(1);
    expect(await columnsAt('600px')).to.equal(2);
    expect(await columnsAt('900px')).to.equal(3);
    expect(await columnsAt('1300px')).to.equal(4);
  });

  it('fits a 320 px phone at 200 % text size without sideways scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const wrap = await fixture<HTMLElement>(html`<div style="width:320px;font-size:32px"><medverka-tiles set="engagera-dig" api=${api as string}></medverka-tiles></div>`);
    const el = await loaded(wrap.querySelector('medverka-tiles')!);
    const edge = wrap.getBoundingClientRect().right;
    for (const t of tiles(el)) {
      expect(t.scrollWidth, t.textContent!).to.be.at.most(t.clientWidth + 1);
      expect(t.getBoundingClientRect().right).to.be.at.most(edge + 0.5);
    }
  });

  it('keeps visible borders and focus in forced-colours mode', async () => {
    await executeServerCommand('forced-colors', { active: true });
    const el = await tilesFrom('engagera-dig');
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const style = getComputedStyle(tiles(el)[0]!);
    expect(style.borderTopStyle).to.equal('solid');
    expect(parseFloat(style.borderLeftWidth)).to.be.at.least(1);
    await expect(el).to.be.accessible();
  });

  it('shows the set’s title as a heading of the chosen level when asked', async () => {
    const el = await fixture<MedverkaTiles>(html`<medverka-tiles set="engagera-dig" api=${api as string} show-title heading-level="3"></medverka-tiles>`);
    await loaded(el);
    const heading = root(el).querySelector('[role=heading]')!;
    expect(heading.getAttribute('aria-level')).to.equal('3');
    expect(heading.textContent).to.equal('Engagera dig');
    await expect(el).to.be.accessible();
  });
});
