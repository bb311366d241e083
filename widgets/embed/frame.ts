/**
 * Runs inside /embed/<widget>/<id>: tells the parent page how tall the content is, so the
 * frame can be sized to it and never shows a scrollbar. The height is not secret, so any
 * parent may hear it; the parent checks that the message came from this server.
 */
if (window.parent !== window) {
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'medverka:height', height }, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
  window.addEventListener('load', post);
}
