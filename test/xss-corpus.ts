/**
 * Hostile text, as staff (or an attacker who got a staff password) might type it into any
 * field. Each payload would set window.__xss if it ever ran.
 */
export const xssCorpus = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '<svg onload="window.__xss=1"></svg>',
  '"><img src=x onerror=window.__xss=1>',
  "'><script>window.__xss=1</script>",
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:window.__xss=1">klicka</a>',
  '${window.__xss=1}',
  '{{constructor.constructor("window.__xss=1")()}}',
  '<details open ontoggle="window.__xss=1">',
  '<style>@import "javascript:window.__xss=1"</style>',
  '\u202e<b onmouseover="window.__xss=1">text</b>',
  // Out of the server-written <title> of a page, and out of a console form's text area.
  '</title><img src=x onerror="window.__xss=1">',
  '</textarea><img src=x onerror="window.__xss=1">',
];

/** Elements a payload would have created if it were parsed as HTML. */
export const injectedSelector = 'img, script, svg[onload], iframe, details, style:not([data-lit]), b[onmouseover], a[href^="javascript"]';
