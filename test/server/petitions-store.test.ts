import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import {
  ConfirmationError,
  NotFoundError,
  NotOpenError,
  PetitionStateError,
  confirmProposal,
  confirmSignature,
  findPetition,
  movePetition,
  proposePetition,
  signPetition,
} from '../../server/petitions/store.js';
import type { Db } from '../../server/db/index.js';
import { closeDuePetitions } from '../../server/petitions/housekeeping.js';
import { hashToken } from '../../server/verify/tokens.js';
import { openDatabase, testDatabases, withDatabase } from './helpers.js';

const proposal = { title: 'Fler bänkar i Stadsparken', body: 'Äldre behöver kunna vila på vägen.', name: 'Greta Gran', email: 'greta@example.se' };
/** A petition proposed, confirmed by its proposer and opened by staff, ready to sign. */
async function openPetition(db: Db, threshold: number) {
  const { petitionId, token } = await proposePetition(db, proposal, threshold);
  await confirmProposal(db, token);
  await movePetition(db, petitionId, 'open');
  return petitionId;
}
const signer = (email: string, name = 'Sven Signerare') => ({ name, email, showName: false, hearBack: true, connection: 'resident' as const });

for (const database of testDatabases()) {
  describe(`the life of a petition in storage on ${database.name}`, () => {
    it('goes from draft through moderation to open, counts confirmed signatures once, and is answered', withDatabase(database, async (db) => {
      const { petitionId, token } = await proposePetition(db, proposal, 3);
      assert.equal((await findPetition(db, petitionId))!.status, 'draft');
      await assert.rejects(movePetition(db, petitionId, 'open'), PetitionStateError, 'no moderation before the proposer confirms');
      assert.equal(await confirmProposal(db, token), petitionId);
      await assert.rejects(confirmProposal(db, token), (e: ConfirmationError) => e.reason === 'used');
      assert.equal((await findPetition(db, petitionId))!.status, 'awaiting_moderation');
      await assert.rejects(signPetition(db, petitionId, signer('a@example.se')), NotOpenError);

      const opened = await movePetition(db, petitionId, 'open', { openMonths: 3 }, new Date('2026-03-10T12:00:00Z'));
      assert.equal(opened.closes_at, '2026-06-10T12:00:00.000Z');

      const now = new Date('2026-03-11T12:00:00Z');
      const a = await signPetition(db, petitionId, signer('a@example.se'), now);
      const b = await signPetition(db, petitionId, signer('b@example.se'), now);
      assert.equal((await findPetition(db, petitionId))!.signature_count, 0, 'unconfirmed signatures do not count');
      assert.deepEqual(await confirmSignature(db, a.token, now), { petitionId, title: proposal.title, counted: true, signatureCount: 1, threshold: 3, thresholdReached: false });
      await assert.rejects(confirmSignature(db, a.token, now), (e: ConfirmationError) => e.reason === 'used');
      const again = await signPetition(db, petitionId, signer('A@Example.se'), now);
      assert.equal(again.signatureId, a.signatureId);
      assert.equal(again.alreadyConfirmed, true);
      assert.equal((await confirmSignature(db, again.token, now)).counted, false, 'a re-sign never counts twice');
      await confirmSignature(db, b.token, now);
      const c = await signPetition(db, petitionId, signer('c@example.se'), now);
      const reached = await confirmSignature(db, c.token, now);
      assert.deepEqual([reached.signatureCount, reached.thresholdReached], [3, true]);

      await movePetition(db, petitionId, 'closed', {}, new Date('2026-06-10T12:00:00Z'));
      const answered = await movePetition(db, petitionId, 'answered', { answer: 'Nämnden har beslutat att ställa ut tio bänkar.' });
      assert.equal(answered.status, 'answered');
      assert.equal(answered.closed_at, '2026-06-10T12:00:00.000Z');
    }));

    it('refuses expired, reused and forged confirmation links', withDatabase(database, async (db) => {
      const t0 = new Date('2026-01-01T00:00:00Z');
      const { petitionId, token } = await proposePetition(db, proposal, 10, t0);
      await assert.rejects(confirmProposal(db, token, new Date('2026-01-08T00:00:01Z')), (e: ConfirmationError) => e.reason === 'expired');
      await assert.rejects(confirmProposal(db, 'förfalskad-länk'), (e: ConfirmationError) => e.reason === 'unknown');
      await assert.rejects(confirmProposal(db, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')), (e: ConfirmationError) => e.reason === 'unknown');
      assert.equal((await findPetition(db, petitionId))!.status, 'draft');
      const fresh = await proposePetition(db, proposal, 10, t0);
      await confirmProposal(db, fresh.token, t0);
      await movePetition(db, fresh.petitionId, 'open', {}, t0);
      const sig = await signPetition(db, fresh.petitionId, signer('x@example.se'), t0);
      await assert.rejects(confirmProposal(db, sig.token, t0), (e: ConfirmationError) => e.reason === 'unknown', 'a signature link is not a proposal link');
      await assert.rejects(confirmSignature(db, sig.token, new Date('2026-01-04T00:00:01Z')), (e: ConfirmationError) => e.reason === 'expired');
      assert.equal((await findPetition(db, fresh.petitionId))!.signature_count, 0);
    }));

    it('takes the latest details until a signature is confirmed, then keeps the confirmed ones', withDatabase(database, async (db) => {
      const petitionId = await openPetition(db, 100);
      const details = async () =>
        db.selectFrom('signatures').select(['name', 'show_name', 'hear_back', 'connection', 'connection_text', 'lang']).where('petition_id', '=', petitionId).execute();
      const first = await signPetition(db, petitionId, { ...signer('lisa@example.se', 'Lisa L'), lang: 'sv' });
      const second = await signPetition(db, petitionId, { name: 'Lisa Lind', email: 'Lisa@example.se', showName: true, hearBack: false, connection: 'other', connectionText: 'Jobbar här', lang: 'en' });
      assert.equal(second.signatureId, first.signatureId);
      assert.equal(second.alreadyConfirmed, false);
      const updated = [{ name: 'Lisa Lind', show_name: 1, hear_back: 0, connection: 'other', connection_text: 'Jobbar här', lang: 'en' }];
      assert.deepEqual(await details(), updated, 'unconfirmed: the latest details win');
      assert.equal((await confirmSignature(db, second.token)).counted, true);
      const third = await signPetition(db, petitionId, { ...signer('lisa@example.se', 'Någon Annan'), lang: 'sv' });
      assert.equal(third.alreadyConfirmed, true);
      assert.deepEqual(await details(), updated, 'confirmed: nobody can change them by signing again');
      assert.equal((await confirmSignature(db, first.token)).counted, false, 'an older link of a counted signature counts nothing');
      assert.deepEqual(await confirmSignature(db, third.token), { petitionId, title: proposal.title, counted: false, signatureCount: 1, threshold: 100, thresholdReached: false });
      await assert.rejects(signPetition(db, petitionId + 1000, signer('x@example.se')), NotFoundError);
    }));

    it('keeps exactly one signature when one mailbox signs in many spellings at once', withDatabase(database, async (db) => {
      const petitionId = await openPetition(db, 100);
      const spellings = ['anna.svensson@gmail.com', 'Anna.Svensson@gmail.com', 'annasvensson@gmail.com', 'anna.svensson+1@gmail.com', 'ANNA.SVENSSON@GOOGLEMAIL.COM', 'a.n.n.a.svensson+x@gmail.com'];
      const all = await Promise.all([...spellings, ...spellings].map((email) => signPetition(db, petitionId, signer(email))));
      assert.equal(new Set(all.map((s) => s.signatureId)).size, 1, 'one signature row');
      const results = await Promise.all(all.map((s) => confirmSignature(db, s.token)));
      assert.equal(results.filter((r) => r.counted).length, 1, 'counted once');
      assert.equal((await findPetition(db, petitionId))!.signature_count, 1);
      const rows = await db.selectFrom('signatures').select('email').where('petition_id', '=', petitionId).execute();
      assert.deepEqual(rows, [{ email: 'annasvensson@gmail.com' }]);
    }));

    it('counts a signature given while open until 24 h after the closing date, never once staff closed it early or answered it', withDatabase(database, async (db) => {
      const opened = new Date('2026-03-01T09:00:00Z');
      const closes = '2026-04-01T09:00:00.000Z';
      const hours = (h: number) => new Date(Date.parse(closes) + h * 3_600_000);
      const before = new Date('2026-03-31T22:00:00Z');
      const make = async () => {
        const { petitionId, token } = await proposePetition(db, proposal, 100, opened);
        await confirmProposal(db, token, opened);
        assert.equal((await movePetition(db, petitionId, 'open', { openMonths: 1 }, opened)).closes_at, closes);
        const links = [];
        for (const who of ['a', 'b', 'c', 'd']) links.push((await signPetition(db, petitionId, signer(`${who}@example.se`), before)).token);
        return { petitionId, links };
      };
      const refused = async (petitionId: number, token: string, at: Date, why: string) => {
        const count = (await findPetition(db, petitionId))!.signature_count;
        await assert.rejects(confirmSignature(db, token, at), (e: ConfirmationError) => e.reason === 'closed', why);
        assert.equal((await findPetition(db, petitionId))!.signature_count, count, `${why}: the count stays`);
        const link = await db.selectFrom('confirmations').select('used_at').where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
        assert.equal(link.used_at, null, `${why}: the link is not used up`);
      };

      // Closed on time: the signatures given before closing count for 24 hours more.
      const natural = await make();
      assert.equal((await confirmSignature(db, natural.links[0]!, hours(1))).counted, true, 'after the closing date, before the timetable closed it');
      assert.deepEqual(await closeDuePetitions(db, hours(1.5)), [natural.petitionId]);
      assert.equal((await confirmSignature(db, natural.links[1]!, hours(23.9))).counted, true, 'closed on time, within the grace period');
      await refused(natural.petitionId, natural.links[2]!, hours(24), 'the grace period is over');
      await refused(natural.petitionId, natural.links[2]!, hours(30), 'long after');
      assert.equal((await findPetition(db, natural.petitionId))!.signature_count, 2);
      await movePetition(db, natural.petitionId, 'answered', { answer: 'Nämnden har svarat.' }, hours(20));
      await refused(natural.petitionId, natural.links[3]!, hours(21), 'answered within the grace period');

      // Closed early by staff: nothing more counts.
      const early = await make();
      assert.equal((await confirmSignature(db, early.links[0]!, before)).counted, true);
      // A second link for a counted signature still says it counted.
      const again = await signPetition(db, early.petitionId, signer('A@example.se'), before);
      await movePetition(db, early.petitionId, 'closed', {}, new Date('2026-03-31T23:00:00Z'));
      await refused(early.petitionId, early.links[1]!, new Date('2026-03-31T23:30:00Z'), 'closed early by staff');
      await refused(early.petitionId, early.links[1]!, hours(2), 'closed early, even within 24 h of the closing date');
      assert.deepEqual(await confirmSignature(db, again.token, hours(2)), { petitionId: early.petitionId, title: proposal.title, counted: false, signatureCount: 1, threshold: 100, thresholdReached: false });

      // Answered while open: the count shown with the answer never changes.
      const answered = await make();
      assert.equal((await confirmSignature(db, answered.links[0]!, before)).counted, true);
      await movePetition(db, answered.petitionId, 'answered', { answer: 'Nämnden har svarat tidigt.' }, new Date('2026-03-31T23:00:00Z'));
      await refused(answered.petitionId, answered.links[1]!, new Date('2026-03-31T23:30:00Z'), 'answered while open');
      const confirmed = await db.selectFrom('signatures').select('confirmed_at').where('petition_id', '=', answered.petitionId).where('confirmed_at', 'is not', null).execute();
      assert.equal(confirmed.length, 1, 'the refused signatures stay unconfirmed');
    }));

    it('keeps the count equal to the confirmed signatures when staff answer while residents confirm', withDatabase(database, async (db) => {
      const petitionId = await openPetition(db, 100);
      const signed = await Promise.all(Array.from({ length: 12 }, (_, i) => signPetition(db, petitionId, signer(`kapplopning${i}@example.se`))));
      const outcomes = await Promise.allSettled([
        ...signed.slice(0, 6).map((s) => confirmSignature(db, s.token)),
        movePetition(db, petitionId, 'answered', { answer: 'Nämnden har svarat medan andra bekräftade.' }),
        ...signed.slice(6).map((s) => confirmSignature(db, s.token)),
      ]);
      for (const o of outcomes) if (o.status === 'rejected') assert.equal((o.reason as ConfirmationError).reason, 'closed');
      const confirmed = await db.selectFrom('signatures').select('id').where('petition_id', '=', petitionId).where('confirmed_at', 'is not', null).execute();
      const petition = (await findPetition(db, petitionId))!;
      assert.equal(petition.status, 'answered');
      assert.equal(petition.signature_count, confirmed.length, 'every confirmed signature counted, and only those');
      for (const s of signed) await assert.rejects(confirmSignature(db, s.token), ConfirmationError);
      assert.equal((await findPetition(db, petitionId))!.signature_count, confirmed.length, 'and the count stays as the answer left it');
    }));

    it('sees the threshold crossed exactly once when many confirm at the same moment', withDatabase(database, async (db) => {
      const petitionId = await openPetition(db, 3);
      const signed = await Promise.all(Array.from({ length: 8 }, (_, i) => signPetition(db, petitionId, signer(`samtidig${i}@example.se`))));
      // One moment for all of them: the same timestamp must not make two of them "first".
      const now = new Date('2026-11-23T12:00:00.000Z');
      const results = await Promise.all(signed.map((s) => confirmSignature(db, s.token, now)));
      assert.equal(results.filter((r) => r.thresholdReached).length, 1, 'staff are told once');
      assert.deepEqual(results.map((r) => r.signatureCount).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8], 'each saw its own count');
      const petition = (await findPetition(db, petitionId))!;
      assert.equal(petition.signature_count, 8);
      assert.equal(petition.threshold_reached_at, now.toISOString());
    }));
  });
}

describe('signing on PostgreSQL', () => {
  const [, postgres] = testDatabases();
  it('takes one statement to sign and one to confirm (each a round trip to the database)', async () => {
    const db = await openDatabase(postgres!);
    const { query } = pg.Client.prototype;
    try {
      const petitionId = await openPetition(db, 100);
      const sent: string[] = [];
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        sent.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text));
        return (query as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof query;
      const signed = await signPetition(db, petitionId, signer('rakt@example.se'));
      assert.equal(sent.length, 1, `signing sent: ${sent.join(' | ')}`);
      const counted = await confirmSignature(db, signed.token);
      assert.equal(counted.signatureCount, 1);
      assert.equal(sent.length, 2, `confirming sent: ${sent.slice(1).join(' | ')}`);
    } finally {
      pg.Client.prototype.query = query;
      await db.destroy();
    }
  });
});
