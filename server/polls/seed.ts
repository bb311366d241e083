import type { Db } from '../db/index.js';
import type { PollInput } from './schemas.js';
import { createPoll, movePoll } from './store.js';

/**
 * A demo quick poll, open for answers, so a newcomer can answer it on /demo/snabbfraga, watch
 * the results on the presenter page and close or reset it in the console. Set SEED_DEMO=false
 * in production.
 */
export const demoPoll: PollInput = {
  question: { sv: 'Vad ska den nya parken i centrum ha mest av?', en: 'What should the new park in the town centre have most of?' },
  kind: 'single',
  options: [
    { sv: 'Träd och blommor', en: 'Trees and flowers' },
    { sv: 'Lekplats', en: 'A playground' },
    { sv: 'Bänkar och platser att sitta', en: 'Benches and places to sit' },
    { sv: 'Plats för evenemang och marknader', en: 'Room for events and markets' },
  ],
  scaleLabels: null,
};

/** The demo poll's id, found by its question (polls have no name of their own). */
export async function findDemoPoll(db: Db): Promise<number | undefined> {
  const row = await db.selectFrom('polls').select('id').where('question_sv', '=', demoPoll.question.sv).orderBy('id').executeTakeFirst();
  return row?.id;
}

/** Creates and opens the demo poll unless it exists; its id when it was created, else null. */
export async function seedDemoPoll(db: Db): Promise<number | null> {
  if ((await findDemoPoll(db)) !== undefined) return null;
  const id = await createPoll(db, demoPoll);
  await movePoll(db, id, 'open');
  return id;
}
