/// <reference types="mocha" />
import { expect, waitUntil } from '@open-wc/testing';
// @ts-expect-error: served by the test runner's config, not a file
import { api } from '/test-api.js';

const serverOrigin = new URL(api as string).origin;

/** An iframe embed as a CMS would paste it, on this (allowed) test page. */
function frame(path: string) {
  const f = document.createElement('iframe');
  f.title = 'Medverka';
  f.style.cssText = 'width:600px;border:0';
  f.height = '50';
  f.src = new URL(path, api as string).href;
  document.body.append(f);
  return f;
}

describe('iframe embeds: the frame reports its height, the resizer applies it', () => {
  it('the embed page tells its parent how tall it is, from the server’s origin', async () => {
    const heights: number[] = [];
    const listener = (e: MessageEvent<{ type?: string; height?: number }>) => {
      if (e.origin === serverOrigin && e.data?.type === 'medverka:height') heights.push(e.data.height!);
    };
    window.addEventListener('message', listener);
    const f = frame('embed/tiles/med-widget');
    try {
      await waitUntil(() => heights.some((h) => h > 60), 'a height with the tiles rendered', { timeout: 10000 });
      expect(heights.every((h) => Number.isInteger(h) && h >= 0)).to.equal(true);
      // No height before the widget has drawn something: the empty page's few pixels would
      // shrink the frame to nothing, and it would jump back once the tiles are drawn.
      expect(heights.filter((h) => h <= 60), `heights posted: ${heights.join(' → ')}`).to.deep.equal([]);
    } finally {
      window.removeEventListener('message', listener);
      f.remove();
    }
  });

  it('frame-resizer.js sizes the frame to the reported height, and ignores messages from elsewhere', async () => {
    const script = document.createElement('script');
    script.src = new URL('widgets/frame-resizer.js', api as string).href;
    const loaded = new Promise((r) => script.addEventListener('load', r));
    document.head.append(script);
    await loaded;
    const f = frame('embed/tiles/med-widget');
    try {
      await waitUntil(() => parseInt(f.style.height, 10) > 60, 'the frame takes its content’s height', { timeout: 10000 });
      const sized = f.style.height;
      // A message from this page's own origin (not the Medverka server) changes nothing.
      window.postMessage({ type: 'medverka:height', height: 5 }, '*');
      await new Promise((r) => setTimeout(r, 200));
      expect(f.style.height).to.equal(sized);
    } finally {
      f.remove();
    }
  });
});
