/**
 * For the host page of an iframe embed: sizes every Medverka frame to its content.
 * Include it with `<script src="https://dialog.example.se/widgets/frame-resizer.js" async>`,
 * or paste the same few lines inline (see the README). Only messages from the Medverka
 * server, sent by one of the page's own frames, are believed.
 */
const origin = new URL((document.currentScript as HTMLScriptElement | null)?.src ?? location.href).origin;
window.addEventListener('message', (event: MessageEvent<{ type?: string; height?: number }>) => {
  if (event.origin !== origin || event.data?.type !== 'medverka:height') return;
  const height = Number(event.data.height);
  if (!Number.isFinite(height) || height < 0) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
  }
});
