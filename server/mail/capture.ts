import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as the test SMTP server received it, with just enough parsed to assert on. */
export interface CapturedMail {
  raw: string;
  /** Who the SMTP envelope says sent it and whom it was delivered to. */
  envelope: { from: string; to: string[] };
  /** Header values keyed by lower-case name, unfolded and with encoded words decoded. */
  headers: Record<string, string>;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | undefined;
}

export interface TestSmtpServer {
  /** An SMTP_URL that reaches this server. */
  url: string;
  messages: CapturedMail[];
  /** The first mail, already received or still to come, that matches. */
  waitFor(predicate?: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  /** Recipients the server answers with "550 mailbox unavailable", to test bounces. */
  refuseRecipient?: (address: string) => boolean;
}

/**
 * An SMTP server inside the test process on a random local port, so tests can send real
 * mails through nodemailer and read them back (confirmation links and all). Not for production:
 * no TLS, any login accepted.
 */
export async function startTestSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const messages: CapturedMail[] = [];
  const waiters = new Set<{ predicate: (mail: CapturedMail) => boolean; resolve: (mail: CapturedMail) => void }>();

  const server = new SMTPServer({
    // Plain text only: STARTTLS would need a certificate and buys a test nothing.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    // A pooled client a test forgot to close would otherwise hold close() for 30 seconds.
    closeTimeout: 200,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'test' });
    },
    onRcptTo(address, _session, callback) {
      if (options.refuseRecipient?.(address.address)) {
        const err = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        callback(err);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const mail = parseMail(Buffer.concat(chunks).toString('utf8'));
        mail.envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        messages.push(mail);
        for (const waiter of waiters) {
          if (waiter.predicate(mail)) {
            waiters.delete(waiter);
            waiter.resolve(mail);
          }
        }
        callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // A client that goes away mid-session (a server killed on purpose in a test) is an error
  // on that connection, not a reason to bring down the process holding the mailbox.
  server.on('error', () => {});
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(predicate = () => true, timeoutMs = 5000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (mail: CapturedMail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = messages.map((m) => `"${m.subject}" to ${m.to}`).join(', ') || 'none';
          reject(new Error(`No matching mail within ${timeoutMs} ms (received: ${seen})`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Reads a MIME message the way nodemailer writes them (UTF-8, quoted-printable or base64,
 * multipart/alternative when there is HTML). Good enough for tests and outbox files; not a
 * general mail parser.
 */
export function parseMail(raw: string): CapturedMail {
  const { headers, body } = splitPart(raw);
  const text = findPart(headers, body, 'text/plain');
  return {
    raw,
    envelope: { from: '', to: [] },
    headers,
    from: headers.from ?? '',
    to: headers.to ?? '',
    subject: headers.subject ?? '',
    text: text ?? '',
    html: findPart(headers, body, 'text/html'),
  };
}

function splitPart(raw: string): { headers: Record<string, string>; body: string } {
  const normalized = raw.replace(/\r\n/g, '\n');
  const end = normalized.indexOf('\n\n');
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const body = end === -1 ? '' : normalized.slice(end + 2);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function findPart(headers: Record<string, string>, body: string, type: string): string | undefined {
  const contentType = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (/^multipart\//i.test(contentType) && boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const part = splitPart(chunk.replace(/^\n/, ''));
      const found = findPart(part.headers, part.body.replace(/\n$/, ''), type);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!contentType.toLowerCase().startsWith(type)) return undefined;
  return decodeBody(body, headers['content-transfer-encoding'] ?? '7bit');
}

function decodeBody(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.replace(/=\n/g, ''));
    default:
      return body;
  }
}

function decodeQuotedPrintable(text: string): string {
  return Buffer.from(quotedPrintableBytes(text)).toString('utf8');
}

// Escapes of one character span several =XX, so bytes are gathered before decoding.
function quotedPrintableBytes(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
    }
  }
  return bytes;
}

/**
 * RFC 2047 encoded words (=?UTF-8?Q?...?= and =?UTF-8?B?...?=), as in Swedish subjects.
 * Neighbouring words are decoded together, since one character's bytes may straddle two.
 */
function decodeWords(value: string): string {
  const word = /=\?[^?]+\?([QB])\?([^?]*)\?=/gi;
  return value.replace(/=\?[^?]+\?[QB]\?[^?]*\?=(?:\s*=\?[^?]+\?[QB]\?[^?]*\?=)*/gi, (run) => {
    const bytes: number[] = [];
    for (const [, kind = '', data = ''] of run.matchAll(word)) {
      if (kind.toUpperCase() === 'B') bytes.push(...Buffer.from(data, 'base64'));
      else bytes.push(...quotedPrintableBytes(data.replace(/_/g, ' ')));
    }
    return Buffer.from(bytes).toString('utf8');
  });
}
