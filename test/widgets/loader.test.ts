/// <reference types="mocha" />
import { expect, waitUntil } from '@open-wc/testing';
// @ts-expect-error: served by the test runner's config, not a file
import { api } from '/test-api.js';

/** The chunk files this page has fetched so far. */
const fetchedChunks = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith('/widgets/chunks/'))
    .map((p) => p.replace(/^\/widgets\/chunks\//, '').replace(/-[\w-]{8}\.js$/, ''));

describe('the loader (medverka.js, as built)', () => {
  before(async () => {
    // The built loader from the real server, as an editor's script tag loads it from another origin.
    await import(/* @vite-ignore */ new URL('widgets/medverka.js', api as string).href);
  });

  it('fetches no widget code while no Medverka tag is on the page, and stores nothing', async () => {
    await new Promise((r) => setTimeout(r, 300));
    expect(fetchedChunks()).to.deep.equal([]);
    expect(customElements.get('medverka-petition')).to.equal(undefined);
    expect(document.cookie).to.equal('');
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });

  it('defines a widget when its tag appears, later and deep inside inserted content, fetching only that widget’s code', async () => {
    const holder = document.createElement('div');
    holder.innerHTML = `<section><div><medverka-petitions api="${api as string}"></medverka-petitions></div></section>`;
    document.body.append(holder);
    await waitUntil(() => customElements.get('medverka-petitions'), 'the nested tag is defined', { timeout: 8000 });
    const chunks = fetchedChunks();
    expect(chunks.some((c) => c.startsWith('petitions'))).to.equal(true);
    expect(chunks.some((c) => c.startsWith('budget') || c.startsWith('tiles')), chunks.join()).to.equal(false);
    expect(customElements.get('medverka-budget'), 'no other widget is defined').to.equal(undefined);

    holder.insertAdjacentHTML('beforeend', '<medverka-budget budget="finns-inte"></medverka-budget>');
    await waitUntil(() => customElements.get('medverka-budget'), 'a second widget added later', { timeout: 8000 });
    expect(fetchedChunks().filter((c) => /^budget-results/.test(c)), 'results code only when there are results').to.deep.equal([]);
    holder.remove();
  });
});
