/**
 * Runs inside /embed/<widget>/<id>: tells the parent page how tall the content is, so the
 * frame can be sized to it and never shows a scrollbar. The height is not secret, so any
 * parent may hear it; the parent checks that the message came from this server.
 */
if (window.parent !== window) {
  // Links open in the whole window (the page's <base target="_top">), and a relative address
  // (a tile's "/synpunkter") means a page on the site that shows the frame, as it does when the
  // widget is on that site's page itself. The browser tells the frame where it is shown: the
  // referrer (at least its origin, unless the host page sends none), else the parent's origin.
  const shownOn = document.referrer || (location.ancestorOrigins as DOMStringList | undefined)?.[0];
  if (shownOn && /^https?:/.test(shownOn)) document.querySelector('base')?.setAttribute('href', shownOn);
  let last = -1;
  // What the page shows: the widget, inside its landmark.
  const content = document.body.firstElementChild;
  const post = () => {
    // Nothing until the widget has drawn its content: the empty page is a few pixels tall, and
    // a slow first load shows only "Laddar …" (every widget marks its base aria-busy then);
    // the frame would shrink to that and jump back once the content is drawn.
    if (!content?.getBoundingClientRect().height || content.firstElementChild?.shadowRoot?.querySelector('[aria-busy="true"]')) return;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'medverka:height', height }, '*');
  };
  // The page's height follows the widget's, so watching it sees every change after.
  new ResizeObserver(post).observe(document.documentElement);
}
