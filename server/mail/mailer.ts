import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';

/** One mail to one person. The sender is always the configured MAIL_FROM. */
export interface Mail {
  /** A single bare address such as "anna@example.se", never a list or "Name <address>". */
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** A single bare address, like `to`. */
  replyTo?: string;
  /** Extra headers such as List-Unsubscribe or Auto-Submitted; address and MIME headers are not allowed. */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the mail (or it is in the outbox); rejects otherwise. */
  send(mail: Mail): Promise<{ id: string }>;
  close(): Promise<void>;
}

/**
 * Thrown before anything is sent when a mail could be used to inject headers or extra
 * recipients. It names the field but never echoes the value, which may be personal data.
 */
export class MailRefusedError extends Error {
  constructor(readonly field: string, reason: string) {
    super(`Mail refused: ${field} ${reason}`);
    this.name = 'MailRefusedError';
  }
}

// A dot-atom local part and a domain of letter/digit labels: nothing that an address parser
// could read as a display name, a group, a comment or a second address (no spaces, quotes,
// angle brackets, parentheses, commas, semicolons or colons). Letters beyond ASCII are allowed
// because residents have addresses like "åsa@exempel.se".
const atext = String.raw`[\p{L}\p{N}!#$%&'*+/=?^_\x60{|}~-]`;
const label = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;
const bareAddress = new RegExp(String.raw`^${atext}+(?:\.${atext}+)*@${label}(?:\.${label})*$`, 'u');

// CR and LF end a header line; the other control characters have no business in one either.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\x00-\x08\x0a-\x1f\x7f]/;

// RFC 5322 field-name: printable ASCII except the colon.
const headerName = /^[\x21-\x39\x3b-\x7e]+$/;

// These decide who receives the mail, who it claims to be from, or how it is parsed, so a
// caller must go through the typed fields (or not at all) rather than set them by hand.
const reservedHeaders = new Set([
  'from', 'sender', 'to', 'cc', 'bcc', 'reply-to', 'subject', 'date', 'message-id', 'return-path',
  'mime-version', 'content-type', 'content-transfer-encoding', 'content-disposition',
]);

function checkAddress(field: string, value: string): void {
  if (controlCharacter.test(value)) throw new MailRefusedError(field, 'contains a line break or control character');
  const [local = '', domain = ''] = value.split('@');
  if (value.length > 254 || local.length > 64 || domain.length > 253 || !bareAddress.test(value)) {
    throw new MailRefusedError(field, 'is not a single e-mail address');
  }
}

/** Throws MailRefusedError unless the mail is safe to hand to nodemailer. */
export function checkMail(mail: Mail): void {
  checkAddress('to', mail.to);
  if (mail.replyTo !== undefined) checkAddress('replyTo', mail.replyTo);
  if (controlCharacter.test(mail.subject)) {
    throw new MailRefusedError('subject', 'contains a line break or control character');
  }
  for (const [name, value] of Object.entries(mail.headers ?? {})) {
    if (!headerName.test(name)) throw new MailRefusedError('a header name', 'is not a valid header name');
    if (reservedHeaders.has(name.toLowerCase()) || name.toLowerCase().startsWith('resent-')) {
      throw new MailRefusedError(`header ${name}`, 'may not be set by hand');
    }
    if (controlCharacter.test(value)) {
      throw new MailRefusedError(`header ${name}`, 'contains a line break or control character');
    }
  }
}

/**
 * Every http(s) URL in a plain-text body, in order, with sentence punctuation after it left
 * off ("Open https://x/y." gives https://x/y). Tests use it to follow links in mails too.
 */
export function findLinks(text: string): string[] {
  return [...text.matchAll(/\bhttps?:\/\/[^\s<>"]+/gi)].map((m) => m[0].replace(/[.,;:!?'")\]]+$/, ''));
}

function message(mail: Mail) {
  return {
    // An address object is used as is, so nodemailer never gets to parse a display name out of it.
    to: { name: '', address: mail.to },
    subject: mail.subject,
    text: mail.text,
    ...(mail.html !== undefined && { html: mail.html }),
    ...(mail.replyTo !== undefined && { replyTo: { name: '', address: mail.replyTo } }),
    ...(mail.headers && { headers: mail.headers }),
  };
}

// Bodies are plain strings; a { path } or { href } slipped in from elsewhere must not make the
// server read its own files or fetch URLs into a mail.
const noContentAccess = { disableFileAccess: true, disableUrlAccess: true } as const;

/**
 * Sends through SMTP when SMTP_URL is set; otherwise writes each mail as an .eml file to the
 * outbox folder and logs its links, so every flow can be clicked through locally.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'outboxDir'>, log: Logger): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom, log) : outboxMailer(config.outboxDir, config.mailFrom, log);
}

function smtpMailer(url: string, from: string, log: Logger): Mailer {
  const transport = nodemailer.createTransport(
    {
      url,
      pool: true,
      // nodemailer waits minutes by default; a resident waiting on a confirmation mail
      // should get an answer sooner. Query parameters in SMTP_URL still override these.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
      ...noContentAccess,
    },
    { from },
  );
  let closed = false;
  const inFlight = new Set<Promise<unknown>>();

  async function deliver(mail: Mail) {
    try {
      const info = await transport.sendMail(message(mail));
      return { id: info.messageId };
    } catch (err) {
      const e = err as Error & { code?: string; responseCode?: number; command?: string; permanent?: boolean };
      // The body can hold personal data and single-use links, and the recipient is personal
      // data: the log names the failure and the recipient's domain only.
      log.error('mail not sent', {
        toDomain: mail.to.split('@')[1],
        subject: mail.subject,
        error: e.message,
        code: e.code,
        responseCode: e.responseCode,
        command: e.command,
        permanent: e.permanent,
      });
      throw err;
    }
  }

  return {
    async send(mail) {
      checkMail(mail);
      if (closed) throw new Error('The mailer is closed');
      const sending = deliver(mail);
      inFlight.add(sending);
      void sending.catch(() => {}).finally(() => inFlight.delete(sending));
      return sending;
    },
    async close() {
      closed = true;
      // Closing the pool fails every queued mail, so a restart would drop confirmations that
      // were already promised; they get a while to go out first.
      await Promise.race([Promise.allSettled(inFlight), delay(10_000, undefined, { ref: false })]);
      transport.close({ force: true });
    },
  };
}

function outboxMailer(dir: string, from: string, log: Logger): Mailer {
  // The stream transport composes the same MIME message SMTP would carry, so the file opens
  // in any mail client and shows exactly what a resident would get.
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows', ...noContentAccess }, { from });
  return {
    async send(mail) {
      checkMail(mail);
      const info = await composer.sendMail(message(mail));
      await mkdir(dir, { recursive: true });
      // Colons are not allowed in Windows file names; the fixed-width time still sorts.
      const name = `${new Date().toISOString().replace(/:/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      const file = resolve(join(dir, name));
      // Only the person running the server should read mails meant for residents.
      await writeFile(file, info.message as Buffer, { flag: 'wx', mode: 0o600 });
      log.info('mail written to outbox', { to: mail.to, subject: mail.subject, file, links: findLinks(mail.text) });
      return { id: info.messageId };
    },
    async close() {},
  };
}
