import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import { parseMail, startTestSmtpServer, type TestSmtpServer } from '../../server/mail/capture.js';
import { checkMail, createMailer, findLinks, MailRefusedError, type Mail } from '../../server/mail/mailer.js';
import { memoryLogger } from './helpers.js';

const mailFrom = 'Exempelby kommun <medverka@kommun.test>';
const token = 'q7Xk2mP9vR4tL8wZ3nB6cY1dF5gH0jK-q7Xk2mP9vR4tL8wZ3nB6cY1dF5gH0jK';
const link = `https://dialog.test/underskrift/bekrafta?token=${token}&petition=42`;

/** A confirmation mail much like the real ones: Swedish text, a long single-use link. */
function confirmation(to = 'anna.andersson@exempel.se'): Mail {
  return {
    to,
    subject: 'Bekräfta din underskrift: Fler bänkar vid Åsjön',
    text:
      'Hej!\n\nTack för att du skrev under förslaget "Fler bänkar vid Åsjön". ' +
      `Öppna länken för att bekräfta att det är du:\n\n${link}\n\n` +
      'Läs mer på https://dialog.test/forslag/42.\n\nVänliga hälsningar\nExempelby kommun',
  };
}

describe('mail through SMTP', () => {
  let smtp: TestSmtpServer;
  before(async () => {
    smtp = await startTestSmtpServer({ refuseRecipient: (address) => address.startsWith('finns-inte@') });
  });
  after(() => smtp.close());

  it('delivers the mail with its sender, recipient, subject and text intact', async () => {
    const log = memoryLogger();
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom, outboxDir: 'unused' }, log);
    try {
      const mail = confirmation();
      const { id } = await mailer.send(mail);
      const got = await smtp.waitFor((m) => m.envelope.to.includes('anna.andersson@exempel.se'));

      assert.deepEqual(got.envelope, { from: 'medverka@kommun.test', to: ['anna.andersson@exempel.se'] });
      assert.match(got.from, /^"?Exempelby kommun"? <medverka@kommun\.test>$/);
      assert.equal(got.to, 'anna.andersson@exempel.se');
      assert.equal(got.subject, mail.subject);
      assert.equal(got.text.replace(/\n$/, ''), mail.text);
      assert.deepEqual(findLinks(got.text), [link, 'https://dialog.test/forslag/42']);
      assert.equal(got.headers['message-id'], id);
      assert.deepEqual(log.lines, [], 'a delivered mail is not logged');
    } finally {
      await mailer.close();
    }
  });

  it('carries an HTML part, a reply-to address and extra headers', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom, outboxDir: 'unused' }, memoryLogger());
    try {
      await mailer.send({
        to: 'panel@exempel.se',
        subject: 'Vad hände med dina svar?',
        text: 'Så här använde vi svaren: https://dialog.test/panel/7',
        html: '<p>Så här använde vi <a href="https://dialog.test/panel/7">svaren</a>.</p>',
        replyTo: 'handlaggare@kommun.test',
        headers: { 'Auto-Submitted': 'auto-generated', 'List-Unsubscribe': '<https://dialog.test/panel/lamna>' },
      });
      const got = await smtp.waitFor((m) => m.envelope.to.includes('panel@exempel.se'));
      assert.equal(got.text.replace(/\n$/, ''), 'Så här använde vi svaren: https://dialog.test/panel/7');
      assert.equal(got.html?.replace(/\n$/, ''), '<p>Så här använde vi <a href="https://dialog.test/panel/7">svaren</a>.</p>');
      assert.equal(got.headers['reply-to'], 'handlaggare@kommun.test');
      assert.equal(got.headers['auto-submitted'], 'auto-generated');
      assert.equal(got.headers['list-unsubscribe'], '<https://dialog.test/panel/lamna>');
    } finally {
      await mailer.close();
    }
  });

  it('rejects when the server refuses the recipient, marking the failure permanent', async () => {
    const log = memoryLogger();
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom, outboxDir: 'unused' }, log);
    try {
      const mail = confirmation('finns-inte@exempel.se');
      await assert.rejects(mailer.send(mail), (err: Error & { responseCode?: number; permanent?: boolean }) => {
        assert.equal(err.responseCode, 550);
        assert.equal(err.permanent, true);
        assertNoBody(err, mail);
        return true;
      });
      assert.equal(log.lines.length, 1);
      assert.equal(log.lines[0]?.msg, 'mail not sent');
      assert.equal(log.lines[0]?.responseCode, 550);
      assertNoBodyInLog(log.lines, mail);
    } finally {
      await mailer.close();
    }
  });

  it('lets mails under way finish when closed, then sends no more', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom, outboxDir: 'unused' }, memoryLogger());
    const underWay = ['ett', 'tva', 'tre'].map((name) => mailer.send(confirmation(`${name}@stang.test`)));
    await mailer.close();
    const sent = await Promise.allSettled(underWay);
    assert.deepEqual(sent.map((s) => s.status), ['fulfilled', 'fulfilled', 'fulfilled']);
    assert.equal(smtp.messages.filter((m) => m.to.endsWith('@stang.test')).length, 3);
    await assert.rejects(mailer.send(confirmation()), /closed/);
  });
});

describe('mail when the SMTP server is unreachable', () => {
  it('rejects with an error that names the failure but not the body', async () => {
    const smtp = await startTestSmtpServer();
    await smtp.close();
    const log = memoryLogger();
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom, outboxDir: 'unused' }, log);
    try {
      const mail = confirmation();
      await assert.rejects(mailer.send(mail), (err: Error & { code?: string }) => {
        assert.match(`${err.code} ${err.message}`, /ECONNREFUSED/);
        assertNoBody(err, mail);
        return true;
      });
      assert.equal(log.lines.length, 1);
      assert.equal(log.lines[0]?.level, 'error');
      assert.equal(log.lines[0]?.msg, 'mail not sent');
      assert.equal(log.lines[0]?.toDomain, 'exempel.se');
      assertNoBodyInLog(log.lines, mail);
      assert.ok(!JSON.stringify(log.lines).includes('anna.andersson'), 'the recipient is personal data');
    } finally {
      await mailer.close();
    }
  });
});

describe('mail without SMTP (the outbox)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'medverka-mail-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each mail as an .eml file and logs its links', async () => {
    const outboxDir = join(dir, 'data', 'outbox');
    const log = memoryLogger();
    const mailer = createMailer({ smtpUrl: undefined, mailFrom, outboxDir }, log);
    const first = confirmation();
    const second = { ...confirmation('bertil@exempel.se'), subject: 'Andra brevet' };
    const { id } = await mailer.send(first);
    await mailer.send(second);
    await mailer.close();

    const files = readdirSync(outboxDir);
    assert.equal(files.length, 2);
    for (const file of files) assert.match(file, /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-[0-9a-f]{8}\.eml$/);
    const [firstFile = '', secondFile = ''] = files.sort();
    const written = parseMail(readFileSync(join(outboxDir, firstFile), 'utf8'));
    assert.match(written.from, /^"?Exempelby kommun"? <medverka@kommun\.test>$/);
    assert.equal(written.to, 'anna.andersson@exempel.se');
    assert.equal(written.subject, first.subject);
    assert.equal(written.text.replace(/\n$/, ''), first.text);
    assert.equal(written.headers['message-id'], id);
    assert.ok(written.headers.date, 'a real message has a Date header');
    assert.equal(parseMail(readFileSync(join(outboxDir, secondFile), 'utf8')).subject, 'Andra brevet', 'file names sort in sending order');

    assert.equal(log.lines.length, 2);
    const line = log.lines[0] ?? {};
    assert.equal(line.level, 'info');
    assert.equal(line.msg, 'mail written to outbox');
    assert.equal(line.to, first.to);
    assert.equal(line.subject, first.subject);
    assert.equal(basename(String(line.file)), firstFile);
    assert.deepEqual(line.links, [link, 'https://dialog.test/forslag/42']);
    assertNoBodyInLog(log.lines, first);
  });
});

describe('header injection', () => {
  const attempts: [string, Partial<Mail>][] = [
    ['a Bcc line in the recipient', { to: 'a@b.se\r\nBcc: x@y.se' }],
    ['a bare LF in the recipient', { to: 'a@b.se\nBcc: x@y.se' }],
    ['two recipients with a comma', { to: 'a@b.se, x@y.se' }],
    ['two recipients with a semicolon', { to: 'a@b.se;x@y.se' }],
    ['a display name', { to: 'Anna <a@b.se>' }],
    ['a quoted display name hiding another address', { to: '"a@b.se" <x@y.se>' }],
    ['a group', { to: 'lista: x@y.se;' }],
    ['an empty recipient', { to: '' }],
    ['a line break in the subject', { subject: 'Hej\nBcc: x@y.se' }],
    ['a CR in the subject', { subject: 'Hej\rBcc: x@y.se' }],
    ['a line break in the reply-to address', { replyTo: 'a@b.se\r\nBcc: x@y.se' }],
    ['two reply-to addresses', { replyTo: 'a@b.se, x@y.se' }],
    ['a line break in a header value', { headers: { 'X-Medverka': 'ok\r\nBcc: x@y.se' } }],
    ['a line break in a header name', { headers: { 'X-Medverka\r\nBcc': 'x@y.se' } }],
    ['a colon in a header name', { headers: { 'Bcc: x@y.se\r\nX': 'y' } }],
    ['a Bcc header set by hand', { headers: { Bcc: 'x@y.se' } }],
    ['a Content-Type header set by hand', { headers: { 'content-type': 'text/html' } }],
  ];

  it('is refused before anything is sent', async () => {
    const smtp = await startTestSmtpServer();
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom, outboxDir: 'unused' }, memoryLogger());
    try {
      for (const [name, change] of attempts) {
        await assert.rejects(mailer.send({ ...confirmation(), ...change }), (err: Error) => {
          assert.ok(err instanceof MailRefusedError, `${name}: ${err.message}`);
          assert.ok(!err.message.includes('x@y.se'), `${name}: the error does not echo the value`);
          return true;
        });
      }
      // A good mail sent last arrives alone: none of the refused ones went out before it.
      await mailer.send(confirmation('kontroll@exempel.se'));
      await smtp.waitFor((m) => m.envelope.to.includes('kontroll@exempel.se'));
      assert.equal(smtp.messages.length, 1);
      assert.ok(!smtp.messages.some((m) => m.raw.includes('x@y.se')));
    } finally {
      await mailer.close();
      await smtp.close();
    }
  });

  it('is refused before anything is written to the outbox', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'medverka-mail-'));
    const log = memoryLogger();
    const mailer = createMailer({ smtpUrl: undefined, mailFrom, outboxDir: join(dir, 'outbox') }, log);
    try {
      for (const [name, change] of attempts) {
        await assert.rejects(mailer.send({ ...confirmation(), ...change }), MailRefusedError, name);
      }
      assert.deepEqual(readdirSync(dir), [], 'not even the outbox folder was made');
      assert.deepEqual(log.lines, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets ordinary addresses, subjects and headers through', () => {
    for (const to of ['anna@exempel.se', 'åsa.öberg@kommun.se', "o'brien+petition@exempel.co.uk", 'dev@localhost']) {
      assert.doesNotThrow(() => checkMail({ ...confirmation(to), replyTo: to }), to);
    }
    assert.doesNotThrow(() =>
      checkMail({ ...confirmation(), subject: 'Svar på "Fler bänkar" – tack!\tÅÄÖ', headers: { 'X-Medverka-Kind': 'petition' } }),
    );
  });
});

describe('parseMail', () => {
  it('reads base64 bodies and B-encoded subjects, as nodemailer writes mostly non-ASCII text', async () => {
    const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const text = 'Åäö åäö öåä ÅÄÖ — 😀\nhttps://dialog.test/å?x=1';
    const info = await composer.sendMail({ from: mailFrom, to: 'a@b.se', subject: 'Åäö ÅÄÖ åäö öåä', text, html: '<p>Åäö</p>', textEncoding: 'base64' });
    const raw = (info.message as Buffer).toString('utf8');
    assert.match(raw, /Content-Transfer-Encoding: base64/);
    assert.match(raw, /=\?UTF-8\?B\?/);
    const got = parseMail(raw);
    assert.equal(got.subject, 'Åäö ÅÄÖ åäö öåä');
    assert.equal(got.text, text);
    assert.equal(got.html, '<p>Åäö</p>');
  });
});

describe('findLinks', () => {
  it('finds http and https links and leaves sentence punctuation off', () => {
    assert.deepEqual(
      findLinks('Se https://a.test/x?y=1&z=2. Eller (http://b.test/väg), eller https://c.test/!\nInte ftp://d.test'),
      ['https://a.test/x?y=1&z=2', 'http://b.test/väg', 'https://c.test/'],
    );
  });
});

function assertNoBody(err: Error, mail: Mail) {
  const everything = `${err.message}\n${err.stack}\n${JSON.stringify(err)}\n${JSON.stringify(Object.entries(err))}`;
  assert.ok(!everything.includes(token), 'the error does not hold the single-use link');
  assert.ok(!everything.includes('Tack för att du skrev under'), 'the error does not hold the text');
  assert.ok(!everything.includes(mail.text.slice(0, 40)));
}

function assertNoBodyInLog(lines: Record<string, unknown>[], mail: Mail) {
  const logged = JSON.stringify(lines);
  assert.ok(!logged.includes('Tack för att du skrev under'), 'the log does not hold the text');
  assert.ok(!logged.includes(mail.text.slice(0, 40)));
}
