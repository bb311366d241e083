/**
 * A link target a resident can safely follow: http(s), mailto, tel, or a relative address.
 * Anything else (javascript:, data:, vbscript: …) is refused.
 */
export function safeHref(value: string | null | undefined, base: string = document.baseURI): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  try {
    const url = new URL(trimmed, base);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

/** A colour staff chose for a tile: only #rgb or #rrggbb is let through to a style. */
export function safeColour(value: string | null | undefined): string | undefined {
  return value && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value) ? value : undefined;
}
