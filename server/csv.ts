import type { Context } from 'hono';

/** A spreadsheet must never run a signer's name as a formula (CSV injection). */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as a CSV file; the BOM makes Excel read it as UTF-8 (å, ä, ö). */
export const csvFile = (rows: (string | number | null)[][]) => `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** A file to save rather than show, never kept in a cache (exports hold personal data). */
export function download(c: Context, name: string, type: string, body: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(body);
}
