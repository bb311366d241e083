import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMailer } from '../../server/mail/mailer.js';
import { startTestSmtpServer } from '../../server/mail/capture.js';
import { remindOverdueFeedback } from '../../server/register/housekeeping.js';
import { swedishDate } from '../../server/register/rules.js';
import { createDialogue, publishDialogue, publishFeedback, saveOutcome } from '../../server/register/store.js';
import type { DialogueInput } from '../../server/register/schemas.js';
import { memoryLogger, testDatabases, testMailbox } from './helpers.js';
import { seedStaff, staffAccounts } from './staff-helpers.js';

const mailbox = testMailbox();
const day = 86_400_000;
const inDays = (days: number, from = Date.now()) => swedishDate(new Date(from + days * day));

/** A published dialogue with the moderator as contact, its feedback promised by `feedbackBy`. */
const dialogue = (contactId: number, title: string, feedbackBy: string): DialogueInput => ({
  title: { sv: title, en: null },
  question: { sv: 'Vad tycker du?', en: null },
  purpose: { sv: 'För att veta.', en: null },
  questionOpen: true,
  decisionMakersOpen: true,
  committee: 'Tekniska nämnden',
  administration: '',
  contactId,
  targetGroups: [],
  themes: [],
  district: null,
  ladder: 'consult',
  canChange: { sv: 'Det mesta.', en: null },
  cannotChange: { sv: '', en: null },
  plannedStart: null,
  opensOn: inDays(-60),
  closesOn: inDays(-30),
  decisionExpected: null,
  feedbackBy,
});

for (const database of testDatabases()) {
  describe(`overdue feedback reminders on ${database.name}`, () => {
    async function setup() {
      const t = await mailbox.app(database);
      await t.db.deleteFrom('dialogues').execute();
      if (!(await t.db.selectFrom('staff_users').select('id').executeTakeFirst())) await seedStaff(t.db);
      const id = async (role: 'moderator' | 'chat_agent') => (await t.db.selectFrom('staff_users').select('id').where('email', '=', staffAccounts[role].email).executeTakeFirstOrThrow()).id;
      const publish = async (input: DialogueInput) => {
        const dialogueId = await createDialogue(t.db, input, await id('moderator'));
        await publishDialogue(t.db, dialogueId);
        return dialogueId;
      };
      return { ...t, deps: { db: t.db, mailer: t.mailer, config: t.config, log: t.log }, id, publish };
    }
    const moderator = staffAccounts.moderator.email;

    it('mails the contact person once a week while the feedback is overdue, and stops once it is published', async () => {
      const { deps, db, publish, id, close } = await setup();
      const late = await publish(dialogue(await id('moderator'), 'Lekplatsen i Norrby', inDays(-2)));
      await publish(dialogue(await id('moderator'), 'Inte försenad', inDays(30)));
      await createDialogue(db, dialogue(await id('moderator'), 'Ett utkast', inDays(-2)), await id('moderator'));

      const now = Date.now();
      assert.equal(await remindOverdueFeedback(deps, new Date(now)), 1);
      const mail = await mailbox.mailTo(moderator);
      assert.equal(mail.subject, 'Återkopplingen för ”Lekplatsen i Norrby” är försenad');
      assert.match(mail.text, new RegExp(`senast ${inDays(-2)}`));
      assert.match(mail.text, new RegExp(`http://dialog.test/admin#/dialogues/${late}`));

      assert.equal(await remindOverdueFeedback(deps, new Date(now + 6 * day)), 0, 'not again within the week');
      assert.equal(await remindOverdueFeedback(deps, new Date(now + 7 * day + 60_000)), 1, 'again a week on');
      await mailbox.mailTo(moderator);

      await saveOutcome(db, late, { summary: { sv: 'Svaren', en: null }, use: { sv: 'Så här', en: null }, decision: { sv: '', en: null }, caseNumber: null, decidedOn: null });
      await publishFeedback(db, late);
      assert.equal(await remindOverdueFeedback(deps, new Date(now + 15 * day)), 0, 'feedback published');
      assert.deepEqual(mailbox.mailsTo(moderator), []);
      await close();
    });

    it('sends one reminder when two instances run at once', async () => {
      const { deps, publish, id, close } = await setup();
      await publish(dialogue(await id('chat_agent'), 'Två instanser', inDays(-1)));
      const [a, b] = await Promise.all([remindOverdueFeedback(deps), remindOverdueFeedback(deps)]);
      assert.equal(a + b, 1);
      await mailbox.mailTo(staffAccounts.chat_agent.email);
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(mailbox.mailsTo(staffAccounts.chat_agent.email), []);
      await close();
    });

    it('tries again on the next run when the relay refuses the mail', async () => {
      const { deps, publish, id, close, log } = await setup();
      await publish(dialogue(await id('moderator'), 'Reläet vägrar', inDays(-1)));
      const refusing = await startTestSmtpServer({ refuseRecipient: () => true });
      const refusingMailer = createMailer({ smtpUrl: refusing.url, mailFrom: 'Kommunen <medverka@kommun.test>', outboxDir: '/nonexistent' }, memoryLogger());
      assert.equal(await remindOverdueFeedback({ ...deps, mailer: refusingMailer }), 0);
      assert.ok(log.lines.some((l) => l.msg === 'overdue feedback reminder not sent; tried again within the hour'));
      await refusingMailer.close();
      await refusing.close();
      assert.equal(await remindOverdueFeedback(deps), 1, 'the claim was given back');
      await mailbox.mailTo(moderator);
      await close();
    });
  });
}
