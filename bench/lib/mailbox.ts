import { startTestSmtpServer, type TestSmtpServer } from '../../server/mail/capture.js';
import { findLinks } from '../../server/mail/mailer.js';

/** More mails than this waiting unclaimed, and the oldest go: nobody is coming for them. */
const keepAtMost = 500;

/**
 * The bench server's mail: an SMTP server in the bench process (the one the tests use,
 * server/mail/capture.ts) that the server is given as SMTP_URL. A virtual resident takes the
 * link out of the mail addressed to them; mails nobody asks for (the proposer's moderation
 * notice, staff's threshold notice) are dropped once too many wait, so a long run holds
 * only the mails still to be read.
 */
export class Mailbox {
  private constructor(private readonly smtp: TestSmtpServer) {}

  static async start(): Promise<Mailbox> {
    return new Mailbox(await startTestSmtpServer());
  }

  /** The SMTP_URL that reaches this mailbox. */
  get url(): string {
    return this.smtp.url;
  }

  /**
   * The first link matching `path` in the mail delivered to `to` (by the SMTP envelope,
   * case-insensitively), as the resident would follow it: path and query. The mail is
   * taken out of the mailbox. Rejects when none arrives within `timeoutMs`.
   */
  async takeLink(to: string, path: RegExp, timeoutMs = 10_000): Promise<string> {
    const address = to.toLowerCase();
    const linkIn = (text: string) => findLinks(text).find((l) => path.test(new URL(l).pathname));
    const mail = await this.smtp.waitFor(
      (m) => m.envelope.to.some((t) => t.toLowerCase() === address) && linkIn(m.text) !== undefined,
      timeoutMs,
    );
    const messages = this.smtp.messages;
    const at = messages.indexOf(mail);
    if (at >= 0) messages.splice(at, 1);
    if (messages.length > keepAtMost) messages.splice(0, messages.length - keepAtMost / 2);
    const link = new URL(linkIn(mail.text)!);
    return link.pathname + link.search;
  }

  close(): Promise<void> {
    return this.smtp.close();
  }
}
