import type { Db } from '../db/index.js';
import { demoPetitions } from '../petitions/seed.js';
import { findDemoPoll } from '../polls/seed.js';
import { swedishDate } from './rules.js';
import { DialogueInput } from './schemas.js';
import { addChannel, createDialogue, publishFeedback, saveOutcome } from './store.js';

const day = 86_400_000;

/** A dialogue as staff would write it: what is not given takes the schema's defaults. */
const dialogue = (title: string, question: string, rest: Partial<DialogueInput>): DialogueInput =>
  DialogueInput.parse({ title: { sv: title }, question: { sv: question }, questionOpen: true, decisionMakersOpen: true, ...rest });

/**
 * A demo register for /demo/dialoger: an open dialogue with the demo poll and a walk, a
 * planned one, and a finished one with its feedback and the answered demo petition. Seeded
 * dialogues have no contact person (a demo has no staff to name), so they are published
 * here directly rather than through the console's rule. Set SEED_DEMO=false in production.
 * True when it created them.
 */
export async function seedDemoRegister(db: Db, now = new Date()): Promise<boolean> {
  if (await db.selectFrom('dialogues').select('id').executeTakeFirst()) return false;
  const on = (days: number) => swedishDate(new Date(now.getTime() + days * day));
  const make = async (input: DialogueInput) => {
    const id = await createDialogue(db, input, null, now);
    await db.updateTable('dialogues').set({ status: 'published', published_at: now.toISOString() }).where('id', '=', id).execute();
    return id;
  };

  const park = await make(dialogue('Nya parken i centrum', 'Vad ska den nya parken i centrum ha?', {
    purpose: { sv: 'Den gamla parkeringen vid torget blir park 2028. Vi vill veta vad du vill kunna göra där innan arkitekterna börjar rita.', en: null },
    committee: 'Samhällsbyggnadsnämnden',
    administration: 'Samhällsbyggnadsförvaltningen',
    targetGroups: ['Alla som bor i Exempelby', 'Barn och unga'],
    themes: ['Parker och natur'],
    district: 'Centrum',
    ladder: 'consult',
    canChange: { sv: 'Vad parken ska innehålla: lek, träd, sittplatser, plats för evenemang.', en: null },
    cannotChange: { sv: 'Var parken ligger och hur stor den blir.', en: null },
    opensOn: on(-14),
    closesOn: on(30),
    decisionExpected: on(90),
    feedbackBy: on(120),
  }));
  const poll = await findDemoPoll(db);
  if (poll !== undefined) await addChannel(db, park, { kind: 'poll', ref: String(poll) }, now);
  await addChannel(db, park, { kind: 'offline', format: 'walk', title: 'Promenad på platsen med stadsträdgårdsmästaren', heldOn: on(7), place: 'Torget, vid fontänen', participants: null, notes: '' }, now);

  await make(dialogue('Trafiken på Storgatan', 'Hur ska Storgatan fungera för gående, cyklister och bilar?', {
    purpose: { sv: 'Storgatan byggs om 2029. Innan förslagen tas fram vill vi höra hur du använder gatan i dag.', en: null },
    committee: 'Tekniska nämnden',
    themes: ['Trafik'],
    district: 'Centrum',
    ladder: 'dialogue',
    canChange: { sv: 'Hur gatans yta delas mellan gående, cyklister, bussar och bilar.', en: null },
    cannotChange: { sv: 'Att gatan byggs om, och när.', en: null },
    plannedStart: on(20),
    opensOn: on(45),
    closesOn: on(90),
    feedbackBy: on(150),
  }));

  const library = await make(dialogue('Längre öppettider på biblioteket', 'När vill du kunna besöka biblioteket?', {
    purpose: { sv: 'Biblioteket fick pengar för längre öppettider. Invånarna fick säga vilka tider som behövs mest.', en: null },
    committee: 'Kultur- och fritidsnämnden',
    themes: ['Kultur och fritid'],
    district: 'Söder',
    ladder: 'influence',
    canChange: { sv: 'Vilka dagar och tider biblioteket har extra öppet.', en: null },
    cannotChange: { sv: 'Hur många timmar i veckan som kan läggas till.', en: null },
    opensOn: on(-200),
    closesOn: on(-150),
    feedbackBy: on(-60),
  }));
  const petition = await db.selectFrom('petitions').select('id').where('title', '=', demoPetitions.answered.title).executeTakeFirst();
  if (petition) await addChannel(db, library, { kind: 'petition', ref: String(petition.id) }, now);
  await addChannel(db, library, { kind: 'offline', format: 'stand', title: 'Bibliotekets dag', heldOn: on(-170), place: 'Biblioteket', participants: 140, notes: '', summary: { sv: 'De flesta ville ha öppet på söndagar.', en: null } }, now);
  await saveOutcome(db, library, {
    summary: { sv: '212 svar i enkäten, ett e-förslag med 430 underskrifter och 140 samtal på Bibliotekets dag.', en: null },
    use: { sv: 'Söndagar och torsdagskvällar var det flest som ville ha. Förslaget till nämnden byggde på det.', en: null },
    decision: { sv: 'Biblioteket har öppet söndagar 12–16 och torsdagar till 20 från och med januari.', en: null },
    caseNumber: 'KFN 2026/15',
    decidedOn: on(-80),
  }, now);
  await publishFeedback(db, library, new Date(now.getTime() - 70 * day));
  return true;
}
