/**
 * Swedish personal identity numbers (personnummer, and samordningsnummer whose day is raised
 * by 60) typed into a chat are masked before the message is stored or shown: the contact
 * centre must not collect them in a chat log. A number counts when its date is a real date
 * and its check digit is right (Luhn), so order numbers and phone numbers are left alone.
 *
 * People type them in many ways (an en dash from a word processor, a non-breaking hyphen,
 * full-width digits from a phone keyboard, spaces or dashes inside the date, a zero-width
 * space pasted along): the text is normalised before it is matched, and the mask replaces
 * what was typed, however it was spelled.
 */

/** What every masked number becomes, in the chat, in the console and in the mailed transcript alike. */
export const personnummerMask = 'XXXXXX-XXXX';

function luhnOk(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function dateOk(yy: string, mm: string, dd: string, century?: string): boolean {
  const month = Number(mm);
  let day = Number(dd);
  if (day > 60) day -= 60; // samordningsnummer
  if (month < 1 || month > 12 || day < 1) return false;
  // The exact year matters only for 29 February; without a century, a leap year in either century will do.
  const years = century ? [Number(century + yy)] : [1900 + Number(yy), 2000 + Number(yy)];
  return years.some((y) => day <= new Date(Date.UTC(y, month, 0)).getUTCDate());
}

/** Characters that are invisible, or only hint where a line may break: dropped before matching. */
const invisible = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/u;
/** Every dash and minus sign (after NFKC, which already turns the full-width one and the non-breaking hyphen into these). */
const dash = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/u;

/**
 * The text as it is matched — NFKC (full-width digits become ASCII, non-breaking spaces
 * spaces), invisible characters dropped, every dash a hyphen, every space one — and, for each
 * of its characters, where in the original the character it came from begins and ends.
 */
function normalise(text: string): { text: string; from: number[]; to: number[] } {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const char of text) {
    const end = at + char.length;
    if (!invisible.test(char)) {
      for (const c of char.normalize('NFKC')) {
        const plain = dash.test(c) ? '-' : /\s/u.test(c) ? ' ' : c;
        out += plain;
        for (let i = 0; i < plain.length; i++) {
          from.push(at);
          to.push(end);
        }
      }
    }
    at = end;
  }
  return { text: out, from, to };
}

/**
 * 8 or 6 date digits — the year, month and day perhaps apart by a space or a hyphen — then a
 * hyphen or a plus (with a space either side, or none), or just a space, then 4 digits; not
 * inside a longer run of digits.
 */
const candidate = /(?<![\d-])(19|20)?(\d{2})[ -]?(\d{2})[ -]?(\d{2})(?: ?[-+] ?| )?(\d{4})(?![\d])/g;

/** The text with every valid personnummer replaced by `personnummerMask`, and how many were masked. */
export function maskPersonnummer(text: string): { text: string; masked: number } {
  const plain = normalise(text);
  const found: [start: number, end: number][] = [];
  for (const m of plain.text.matchAll(candidate)) {
    const [whole, century, yy, mm, dd, last4] = m as unknown as [string, string | undefined, string, string, string, string];
    if (!dateOk(yy, mm, dd, century) || !luhnOk(`${yy}${mm}${dd}${last4}`)) continue;
    found.push([plain.from[m.index]!, plain.to[m.index + whole.length - 1]!]);
  }
  let out = text;
  for (const [start, end] of found.reverse()) out = out.slice(0, start) + personnummerMask + out.slice(end);
  return { text: out, masked: found.length };
}
