import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayOff, isOpen, nextOpening, parseOpeningHours } from '../../server/chat/hours.js';
import { caseMail, caseReceiptMail, systemText, transcriptMail } from '../../server/chat/mails.js';
import { maskPersonnummer, personnummerMask } from '../../server/chat/personnummer.js';
import type { ChatMessage } from '../../server/chat/schemas.js';
import { checkMail } from '../../server/mail/mailer.js';
import { ConfigError, loadConfig } from '../../server/config.js';

const hours = parseOpeningHours('mon-thu 08:00-16:30; fri 08:00-15:00', 'Europe/Stockholm');
/** A local Stockholm time; the offsets are written out, so the tests say what they mean. */
const at = (iso: string) => new Date(iso);

describe('chat opening hours', () => {
  it('opens on weekdays in Stockholm time, winter and summer', () => {
    assert.equal(isOpen(hours, at('2026-11-24T08:00:00+01:00')), true, 'Tuesday 08:00, winter time');
    assert.equal(isOpen(hours, at('2026-11-24T07:59:00+01:00')), false);
    assert.equal(isOpen(hours, at('2026-11-24T16:29:00+01:00')), true);
    assert.equal(isOpen(hours, at('2026-11-24T16:30:00+01:00')), false, 'closes at 16:30');
    assert.equal(isOpen(hours, at('2026-11-27T15:30:00+01:00')), false, 'Friday closes at 15:00');
    assert.equal(isOpen(hours, at('2026-11-28T10:00:00+01:00')), false, 'Saturday');
    assert.equal(isOpen(hours, at('2026-07-07T08:15:00+02:00')), true, 'summer time: 06:15 UTC is 08:15 in Stockholm');
    assert.equal(isOpen(hours, at('2026-03-30T08:00:00+02:00')), true, 'the Monday after the clocks went forward');
  });

  it('is closed on Swedish public holidays and the eves that are days off, from the holiday library', () => {
    assert.equal(dayOff(at('2026-12-24T10:00:00+01:00'), hours.timeZone), 'julafton');
    assert.equal(isOpen(hours, at('2026-12-24T10:00:00+01:00')), false, 'julafton, a Thursday');
    assert.equal(isOpen(hours, at('2026-06-19T10:00:00+02:00')), false, 'midsommarafton, a Friday');
    assert.equal(isOpen(hours, at('2026-05-14T10:00:00+02:00')), false, 'Kristi himmelsfärdsdag');
    assert.equal(isOpen(hours, at('2026-04-06T10:00:00+02:00')), false, 'annandag påsk');
    assert.equal(isOpen(hours, at('2027-01-06T10:00:00+01:00')), false, 'trettondedag jul, another year');
    assert.equal(isOpen(hours, at('2026-12-23T10:00:00+01:00')), true, 'the day before julafton is an ordinary day');
    assert.equal(dayOff(at('2026-12-23T23:30:00+01:00'), hours.timeZone), null, 'still the 23rd at 23:30 in Stockholm');
    assert.equal(dayOff(at('2026-12-23T23:30:00Z'), hours.timeZone), 'julafton', '23:30 UTC is already 00:30 on the 24th in Stockholm');
  });

  it('says when it next opens', () => {
    assert.equal(nextOpening(hours, at('2026-11-27T16:00:00+01:00'))!.toISOString(), at('2026-11-30T08:00:00+01:00').toISOString(), 'Friday afternoon → Monday 08:00');
    assert.equal(nextOpening(hours, at('2026-12-23T17:00:00+01:00'))!.toISOString(), at('2026-12-28T08:00:00+01:00').toISOString(), 'over julafton, juldagen, annandag jul and a Sunday');
    const now = at('2026-11-24T10:07:00+01:00');
    assert.equal(nextOpening(hours, now), now, 'open now');
    assert.equal(nextOpening(parseOpeningHours('', 'Europe/Stockholm'), now), null, 'never open');
  });

  it('reads several ranges, single days and ranges over the week’s end, and refuses what it cannot read', () => {
    const split = parseOpeningHours('mon 08:00-12:00, 13:00-16:00; sat-sun 10:00-14:00', 'Europe/Stockholm');
    assert.deepEqual(split.week[1], [[480, 720], [780, 960]]);
    assert.deepEqual(split.week[6], [[600, 840]]);
    assert.deepEqual(split.week[0], [[600, 840]]);
    assert.equal(isOpen(split, at('2026-11-23T12:30:00+01:00')), false, 'lunch');
    for (const bad of ['mon 8-16', 'monday 08:00-16:00', 'mon 16:00-08:00', 'xyz 08:00-09:00', 'mon 08:00-25:00', 'mon 08:61-09:00']) {
      assert.throws(() => parseOpeningHours(bad, 'Europe/Stockholm'), Error, bad);
    }
    assert.throws(() => parseOpeningHours('mon 08:00-16:00', 'Mars/Olympus'), /time zone/);
    assert.throws(() => parseOpeningHours('holidays 10-14', 'Europe/Stockholm'), /time range/);
  });

  it('opens on days off only in the hours a `holidays` part gives them', () => {
    const withHolidays = parseOpeningHours('mon-fri 08:00-16:00; holidays 10:00-14:00', 'Europe/Stockholm');
    assert.deepEqual(withHolidays.holidays, [[600, 840]]);
    assert.equal(isOpen(withHolidays, at('2026-12-24T11:00:00+01:00')), true, 'julafton at 11, within the holiday hours');
    assert.equal(isOpen(withHolidays, at('2026-12-24T09:00:00+01:00')), false, 'julafton at 9, outside them though a Thursday');
    assert.equal(isOpen(withHolidays, at('2026-12-27T11:00:00+01:00')), false, 'an ordinary Sunday is not a holiday');
    assert.equal(nextOpening(withHolidays, at('2026-12-24T15:00:00+01:00'))!.toISOString(), at('2026-12-25T10:00:00+01:00').toISOString(), 'juldagen at 10');
    assert.deepEqual(hours.holidays, [], 'closed on days off unless said');
  });
});

/** A valid personnummer for a date: the check digit computed as Skatteverket does (Luhn). */
function withCheckDigit(nineDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return nineDigits + String((10 - (sum % 10)) % 10);
}

describe('masking personnummer', () => {
  const ten = withCheckDigit('811218987'); // 811218-9876
  const [yymmdd, last4] = [ten.slice(0, 6), ten.slice(6)];

  it('masks valid numbers in every usual spelling, each as the one mask the mail names', () => {
    for (const typed of [`${yymmdd}-${last4}`, `${yymmdd}${last4}`, `19${yymmdd}-${last4}`, `19${yymmdd}${last4}`, `${yymmdd}+${last4}`, `${yymmdd} ${last4}`]) {
      const { text, masked } = maskPersonnummer(`Mitt personnummer är ${typed}, tack.`);
      assert.equal(text, `Mitt personnummer är ${personnummerMask}, tack.`, typed);
      assert.equal(masked, 1);
    }
    assert.equal(personnummerMask, 'XXXXXX-XXXX');
    const coordination = withCheckDigit('811278987'); // day 18 + 60: samordningsnummer
    assert.equal(maskPersonnummer(`${coordination.slice(0, 6)}-${coordination.slice(6)}`).masked, 1);
    const two = maskPersonnummer(`${yymmdd}-${last4} och ${withCheckDigit('050229123').slice(0, 6)}-${withCheckDigit('050229123').slice(6)}`);
    assert.equal(two.masked, 1, '29 February 2005 is not a date; only the first is masked');
  });

  it('masks the spellings people paste and type: other dashes, spaces, full-width digits, invisible characters', () => {
    const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const coordination = withCheckDigit('811278987');
    for (const typed of [
      `19${yymmdd}\u2013${last4}`, // en dash
      `19${yymmdd}\u2014${last4}`, // em dash
      `19${yymmdd}\u2011${last4}`, // non-breaking hyphen
      `19${yymmdd}\u2212${last4}`, // minus sign
      `1981-12-18-${last4}`,
      `1981 12 18-${last4}`,
      `19${yymmdd} - ${last4}`,
      `19${yymmdd}\u00A0${last4}`, // no-break space
      `${yymmdd}\u202F${last4}`, // narrow no-break space
      fullWidth(`19${yymmdd}-${last4}`),
      `${fullWidth(yymmdd)}\uFF0D${fullWidth(last4)}`, // full-width hyphen too
      `1981121\u200B8-${last4}`, // zero-width space inside
      `19${yymmdd}\u00AD-${last4}`, // soft hyphen
      `${yymmdd.slice(0, 3)}\uFEFF${yymmdd.slice(3)}-\u2060${last4}`,
      `${yymmdd} + ${last4}`, // over a hundred years old
      `${coordination.slice(0, 6)}\u2013${coordination.slice(6)}`, // samordningsnummer
      `19${coordination.slice(0, 6)} - ${coordination.slice(6)}`,
    ]) {
      const { text, masked } = maskPersonnummer(`Mitt nummer: ${typed}. Tack!`);
      assert.equal(text, `Mitt nummer: ${personnummerMask}. Tack!`, JSON.stringify(typed));
      assert.equal(masked, 1, JSON.stringify(typed));
    }
    const around = maskPersonnummer(`Det är 19${yymmdd}\u2013${last4} och ${fullWidth(coordination)} – ring mig.`);
    assert.deepEqual(around, { text: `Det är ${personnummerMask} och ${personnummerMask} – ring mig.`, masked: 2 }, 'the rest of the text is kept as typed');
  });

  it('leaves alone what is not a personnummer: wrong check digit, impossible dates, phone and order numbers', () => {
    const wrong = `${yymmdd}-${last4.slice(0, 3)}${(Number(last4[3]) + 1) % 10}`;
    for (const text of [
      wrong,
      `19${yymmdd}\u2013${last4.slice(0, 3)}${(Number(last4[3]) + 1) % 10}`,
      '811318-1234',
      '811200-1234',
      'Ring 070-123 45 67',
      'Ring 070\u2013123\u00A045\u00A067 eller 08-123 456 78',
      '+46 70 123 45 67',
      'Order 1234567890123',
      'Ärende 2026-11-23',
      'Mötet är 2026\u201311\u201323 kl. 14:30',
      'Den 18 december 1981',
      '1981-12-18',
      'Det kostar 12 000 000 kr, eller 1 234 567,50 kr',
      'Belopp: 8 112 189 876 kr',
      `1${yymmdd}${last4}9`,
    ]) {
      assert.deepEqual(maskPersonnummer(text), { text, masked: 0 }, JSON.stringify(text));
    }
  });
});

describe('chat mails', () => {
  const message = (id: number, createdAt: string, author: ChatMessage['author'], body: string, staffName: string | null = null, masked = false): ChatMessage => ({ id, author, staffName, body, masked, createdAt });
  const conversation = [
    message(1, '2026-11-24T08:58:00Z', 'resident', 'Hi! My bin was not emptied.\nIt is at Storgatan 1.'),
    message(2, '2026-11-24T09:00:00Z', 'system', 'joined', 'Chris Chatt'),
    message(3, '2026-11-24T09:01:00Z', 'staff', 'Hello! Is your number XXXXXX-XXXX?', 'Chris Chatt', true),
    message(4, '2026-11-24T09:02:00Z', 'system', 'transferred', 'Anna Admin'),
    message(5, '2026-11-24T23:05:00Z', 'system', 'ended-by-resident'),
  ];

  it('writes the transcript as plain text lines in the conversation’s language and the contact centre’s time zone', () => {
    const mail = transcriptMail('en', 'sam@example.se', 'Sam', conversation, 'Europe/Stockholm');
    checkMail(mail);
    assert.equal(mail.subject, 'Your chat with the municipality');
    assert.equal(mail.html, undefined);
    const lines = mail.text.split('\n');
    for (const line of [
      '[09:58] Sam: Hi! My bin was not emptied.',
      '    It is at Storgatan 1.',
      '[10:00] Contact centre: Chris Chatt joined the conversation.',
      '[10:01] Chris Chatt: Hello! Is your number XXXXXX-XXXX?',
      '[10:02] Contact centre: The conversation was passed on to Anna Admin.',
      '25 November 2026',
      '[00:05] Contact centre: You ended the conversation.',
    ]) {
      assert.ok(lines.includes(line), `has ${JSON.stringify(line)}:\n${mail.text}`);
    }
    assert.match(mail.text, /24 November 2026/);
    assert.match(mail.text, /hidden \(XXXXXX-XXXX\)/, 'says that a number was masked');
  });

  it('words the system codes in Swedish too, and keeps a resident’s name to one line', () => {
    assert.equal(systemText('sv', { body: 'joined', staffName: 'Kim' }), 'Kim anslöt till samtalet.');
    assert.equal(systemText('sv', { body: 'transferred', staffName: 'Kim' }), 'Samtalet flyttades till Kim.');
    assert.equal(systemText('sv', { body: 'ended-by-resident', staffName: null }), 'Du avslutade samtalet.');
    assert.equal(systemText('sv', { body: 'ended-by-staff', staffName: 'Kim' }), 'Kim avslutade samtalet.');
    assert.equal(systemText('en', { body: 'ended-by-staff', staffName: null }), 'The contact centre ended the conversation.');
    const mail = transcriptMail('sv', 'rut@example.se', 'Rut\n[10:00] Kontaktcenter: falskt', conversation.slice(0, 1), 'UTC');
    assert.equal(mail.subject, 'Ditt chattsamtal med kommunen');
    assert.ok(mail.text.includes('[08:58] Rut [10:00] Kontaktcenter: falskt: Hi! My bin was not emptied.'), mail.text);
    assert.ok(mail.text.includes('24 november 2026'));
    const unnamed = transcriptMail('sv', 'rut@example.se', null, conversation.slice(0, 1), 'UTC');
    assert.ok(unnamed.text.includes('[08:58] Du: Hi!'));
  });

  it('keeps the resident’s words out of the headers of the case mails', () => {
    const hostile = 'Eve\r\nBcc: many@example.se';
    const mail = caseMail('kontaktcenter@kommun.se', { id: 12, name: hostile, email: 'eve@example.se', message: 'Subject: hi\r\n\r\nbody', lang: 'en', masked: false });
    checkMail(mail);
    assert.equal(mail.subject, 'Nytt meddelande från chatten (ärende 12)');
    assert.equal(mail.replyTo, 'eve@example.se');
    assert.ok(mail.text.includes('Språk: engelska'));
    assert.ok(mail.text.includes(hostile), 'the name is in the body, as text');
    const receipt = caseReceiptMail('sv', 'eve@example.se', 12);
    checkMail(receipt);
    assert.ok(receipt.text.includes('ärende 12'));
    assert.equal(caseReceiptMail('en', 'eve@example.se', 12).subject, 'We have received your message');
  });
});

describe('chat configuration', () => {
  it('reads CHAT_CASE_EMAIL, unset by default, and refuses what is not an address', () => {
    assert.equal(loadConfig({}).chatCaseEmail, undefined);
    assert.equal(loadConfig({ CHAT_CASE_EMAIL: 'kontaktcenter@kommun.se' }).chatCaseEmail, 'kontaktcenter@kommun.se');
    assert.throws(() => loadConfig({ CHAT_CASE_EMAIL: 'Kontaktcenter <kc@kommun.se>' }), (err: unknown) => err instanceof ConfigError && /^CHAT_CASE_EMAIL: must be an e-mail address/.test(err.problems[0]!));
  });
});
