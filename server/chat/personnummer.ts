/**
 * Swedish personal identity numbers (personnummer, and samordningsnummer whose day is raised
 * by 60) typed into a chat are masked before the message is stored or shown: the contact
 * centre must not collect them in a chat log. A number counts when its date is a real date
 * and its check digit is right (Luhn), so order numbers and phone numbers are left alone.
 */

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

// 8 or 6 date digits, an optional - or + (or a space), then 4 digits; not inside a longer run of digits.
const candidate = /(?<![\d-])(19|20)?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?!\d)/g;

/** The text with every valid personnummer replaced by a mask of the same shape, and how many were masked. */
export function maskPersonnummer(text: string): { text: string; masked: number } {
  let masked = 0;
  const out = text.replace(candidate, (whole, century: string | undefined, yy: string, mm: string, dd: string, last4: string) => {
    if (!dateOk(yy, mm, dd, century) || !luhnOk(`${yy}${mm}${dd}${last4}`)) return whole;
    masked++;
    return whole.replace(/\d/g, 'X');
  });
  return { text: out, masked };
}
