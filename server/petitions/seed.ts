import type { Db } from '../db/index.js';
import { confirmProposal, movePetition, proposePetition } from './store.js';

const day = 86_400_000;

/**
 * Two demo e-petitions, so /demo/e-forslag shows the widgets at work from the first start:
 * one open with signatures coming in over the last weeks, and one answered. Made through the
 * steps residents and staff take (propose, confirm, publish, close, answer), back-dated; the
 * signatures are written confirmed, at once. Set SEED_DEMO=false in production.
 */
export const demoPetitions = {
  open: {
    title: 'Fler bänkar längs promenadstråket vid ån (demo)',
    body:
      'Längs promenadstråket vid ån finns nästan inga bänkar. Många äldre och personer som har svårt att gå långt vill promenera där, men behöver kunna vila på vägen.\n\n' +
      'Jag föreslår att kommunen ställer ut bänkar med ryggstöd och armstöd ungefär var 200:e meter längs hela stråket.',
    name: 'Gunilla Ek',
    signatures: 37,
    daysOpen: 20,
  },
  answered: {
    title: 'Belysning på gång- och cykelvägen till skolan (demo)',
    body:
      'Gång- och cykelvägen mellan bostadsområdet och skolan är helt mörk på vintern. Barnen cyklar dit i mörker både morgon och eftermiddag.\n\n' +
      'Jag föreslår att kommunen sätter upp belysning längs hela vägen.',
    name: 'Omar Said',
    signatures: 24,
    committee: 'Tekniska nämnden',
    answer:
      'Tack för förslaget. Tekniska nämnden har beslutat att sätta upp belysning längs gång- och cykelvägen till skolan. ' +
      'Arbetet görs under hösten, så att vägen är upplyst innan det blir mörkt på morgnarna.',
  },
};

const signerNames = ['Anna Lind', 'Erik Berg', 'Fatima Ali', 'Lars Holm', 'Sara Nyström', 'Johan Ek', 'Maria Sandberg', 'Ahmed Hassan', 'Karin Strand', 'Per Lund'];

/**
 * Signatures given and confirmed one after another between `from` and `to`; every third signer
 * shows their name. Written at once (one insert, one update of the count) rather than signed
 * and confirmed one by one, so seeding adds little to a server's start.
 */
async function signInTurn(db: Db, petitionId: number, count: number, from: Date, to: Date, prefix: string) {
  const step = (to.getTime() - from.getTime()) / count;
  const rows = Array.from({ length: count }, (_, i) => {
    const at = new Date(from.getTime() + step * (i + 0.5)).toISOString();
    return {
      petition_id: petitionId,
      email: `${prefix}.${i + 1}@example.se`,
      name: signerNames[i % signerNames.length]!,
      show_name: i % 3 === 0 ? 1 : 0,
      hear_back: 0,
      connection: 'resident' as const,
      connection_text: null,
      lang: 'sv' as const,
      created_at: at,
      confirmed_at: at,
      anonymised_at: null,
    };
  });
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('signatures').values(rows).execute();
    await trx.updateTable('petitions').set({ signature_count: count }).where('id', '=', petitionId).execute();
  });
}

/** Creates the demo petitions that do not exist yet (found by title); how many it created. */
export async function seedDemoPetitions(db: Db, threshold: number, now = new Date()): Promise<number> {
  const existing = new Set(
    (await db.selectFrom('petitions').select('title').where('title', 'in', [demoPetitions.open.title, demoPetitions.answered.title]).execute()).map((p) => p.title),
  );
  let created = 0;
  const publish = async (p: { title: string; body: string; name: string }, at: Date) => {
    const { petitionId, token } = await proposePetition(db, { title: p.title, body: p.body, name: p.name, email: 'demo-forslagsstallare@example.se' }, threshold, at);
    await confirmProposal(db, token, at);
    return movePetition(db, petitionId, 'open', { openMonths: 6 }, new Date(at.getTime() + day));
  };

  if (!existing.has(demoPetitions.open.title)) {
    const { daysOpen, signatures } = demoPetitions.open;
    const opened = new Date(now.getTime() - daysOpen * day);
    const { id } = await publish(demoPetitions.open, new Date(opened.getTime() - day));
    await signInTurn(db, id, signatures, opened, now, 'demo-underskrift');
    created++;
  }

  if (!existing.has(demoPetitions.answered.title)) {
    // Opened eight months ago, closed on its closing date, answered three weeks after.
    const opened = new Date(now.getTime() - 240 * day);
    const { id, closes_at } = await publish(demoPetitions.answered, new Date(opened.getTime() - day));
    await signInTurn(db, id, demoPetitions.answered.signatures, opened, new Date(opened.getTime() + 60 * day), 'demo-svar');
    const closed = new Date(closes_at!);
    await movePetition(db, id, 'closed', {}, closed);
    await movePetition(db, id, 'answered', { answer: demoPetitions.answered.answer, answer_committee: demoPetitions.answered.committee }, new Date(closed.getTime() + 21 * day));
    created++;
  }
  return created;
}
