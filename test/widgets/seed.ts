import type { BudgetInput } from '../../server/budgets/schemas.js';
import { castBallot, confirmBallot, findPublicBudget, moveBudget, publishBudget, saveBudget } from '../../server/budgets/store.js';
import type { Db } from '../../server/db/index.js';
import { confirmProposal, confirmSignature, movePetition, proposePetition, signPetition } from '../../server/petitions/store.js';
import { answerPoll, createPoll, movePoll } from '../../server/polls/store.js';
import { confirmMember, joinPanel } from '../../server/panel/store.js';
import { seedDemoTiles } from '../../server/tiles/seed.js';
import { seedDemoRegister } from '../../server/register/seed.js';
import { addChannel } from '../../server/register/store.js';
import { seedStaff } from '../server/staff-helpers.js';
import { seededBudgets, seededPetitions, seededPolls } from './seeded.js';

/**
 * What the browser tests read from the real server: staff accounts, the demo set, an empty set, and a set
 * whose tiles open widgets in place (one a test widget, one that does not exist) and whose
 * texts are hostile; and three public petitions (see seedPetitions).
 */
export async function seedWidgetTestData(db: Db) {
  await seedDemoTiles(db);
  // The console's tests sign in as these (see test/server/staff-helpers.ts).
  await seedStaff(db);
  const at = new Date().toISOString();
  await db.insertInto('tile_sets').values({ slug: 'tom', title_sv: 'Tom', title_en: 'Empty', created_at: at, updated_at: at }).execute();
  await db
    .insertInto('tile_sets')
    .values({ slug: 'med-widget', title_sv: 'Med widget', title_en: 'With widget', created_at: at, updated_at: at })
    .execute();
  const base = { set_slug: 'med-widget', description_sv: '', description_en: null, colour: null, hidden: 0 } as const;
  await db
    .insertInto('tiles')
    .values([
      { ...base, position: 1, title_sv: 'Öppna testwidgeten', title_en: 'Open the test widget', icon: 'chat', target_kind: 'widget', widget: 'test-widget', widget_attrs: '{"petition":"42","onclick":"alert(1)"}', href: null },
      { ...base, position: 2, title_sv: 'Öppna något som saknas', title_en: null, icon: 'info', target_kind: 'widget', widget: 'saknas', widget_attrs: null, href: '/reserv' },
      { ...base, position: 3, title_sv: '<img src=x onerror="window.__xss=1">', title_en: null, description_sv: '<script>window.__xss=1</script>', icon: 'nonexistent', target_kind: 'link', href: 'https://www.kommun.se/', widget: null, widget_attrs: null },
      { ...base, position: 4, title_sv: 'Farlig länk', title_en: null, icon: 'info', target_kind: 'link', href: 'javascript:window.__xss=1', widget: null, widget_attrs: null },
    ])
    .execute();
  await seedPetitions(db);
  await seedBudgets(db);
  await seedPolls(db);
  await seedPanelMembers(db);
  await seedRegister(db);
}

/**
 * The petition widget's tests read these: one open petition (threshold 100) with twelve
 * confirmed signatures, eleven of them with the name shown; one answered; one closed.
 */
async function seedPetitions(db: Db) {
  const make = async (title: string, body: string) => {
    const { petitionId, token } = await proposePetition(db, { title, body, name: 'Anna Andersson', email: 'anna@example.se' }, 100);
    await confirmProposal(db, token);
    await movePetition(db, petitionId, 'open');
    return petitionId;
  };
  const open = await make(
    seededPetitions.open,
    'Det finns för få bänkar längs ån.\nÄldre behöver kunna vila på promenaden.\n\nVi föreslår att kommunen sätter ut fler bänkar.',
  );
  for (let i = 1; i <= 12; i++) {
    const { token } = await signPetition(db, open, {
      name: `Signerare ${i}`,
      email: `signerare${i}@example.se`,
      showName: i !== 12,
      hearBack: false,
      connection: 'resident',
    });
    await confirmSignature(db, token);
  }
  const answered = await make(seededPetitions.answered, 'Gångvägen till skolan är mörk på vintern. Sätt upp belysning.');
  await movePetition(db, answered, 'answered', { answer: 'Tack för förslaget.\n\nBelysningen sätts upp under hösten.' });
  const closed = await make(seededPetitions.closed, 'Biblioteket borde vara öppet längre på kvällarna och på helger.');
  await movePetition(db, closed, 'closed');
  await make(seededPetitions.live, 'Den som väntar på bussen ska kunna sitta ner.');
}

type ItemInput = BudgetInput['items'][number];
const text = (sv: string, en: string | null = null) => ({ sv, en });
const line = (sv: string, en: string, range: Partial<ItemInput>, more: Partial<ItemInput> = {}): ItemInput => ({
  district: null,
  title: text(sv, en),
  description: text(''),
  image: null,
  min: 0,
  max: 0,
  step: 1,
  start: 0,
  cost: 0,
  ...range,
  ...more,
});
const budgetProcess = (slug: string, sv: string, en: string, rest: Partial<BudgetInput> & Pick<BudgetInput, 'mode' | 'total' | 'items'>): BudgetInput => ({
  slug,
  title: text(sv, en),
  description: text('Kommunen vill veta hur du vill använda pengarna.\n\nDet du väljer tar politikerna med när de beslutar om budgeten.', 'The municipality wants to know how you would use the money.\n\nThe politicians take your choices into account when they decide on the budget.'),
  rule: 'within',
  tolerance: 0,
  closesAt: null,
  districts: [],
  ...rest,
});

/**
 * The budget widget's tests read these: an open slider process within a total, an open
 * balanced one, an open project process with districts, a closed one, and three published
 * ones with confirmed ballots (one district with too few for figures).
 */
async function seedBudgets(db: Db) {
  const million = 1_000_000;
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const open = async (input: BudgetInput) => {
    await saveBudget(db, input);
    await moveBudget(db, input.slug, 'open');
  };
  const step = { min: 0, step: 500_000 };
  await open(
    budgetProcess(seededBudgets.within, 'Investeringar 2027', 'Investments 2027', {
      mode: 'sliders',
      total: 20 * million,
      closesAt: inAMonth,
      items: [
        line('Lekplatser', 'Playgrounds', { ...step, max: 10 * million, start: 5 * million }, {
          description: text('Nya och upprustade lekplatser i alla stadsdelar.', 'New and refurbished playgrounds in every district.'),
          image: { url: 'https://bilder.medverka.invalid/lekplats.jpg', alt: text('Barn som klättrar i en klätterställning', 'Children climbing a climbing frame') },
        }),
        line('Cykelvägar', 'Cycle paths', { ...step, max: 10 * million, start: 5 * million }),
        line('Belysning', 'Street lighting', { ...step, max: 8 * million, start: 4 * million }),
      ],
    }),
  );
  await open(
    budgetProcess(seededBudgets.balanced, 'Driftbudget 2027', 'Running costs 2027', {
      mode: 'sliders',
      total: 10 * million,
      rule: 'balanced',
      tolerance: 100_000,
      items: [
        line('Skolor', 'Schools', { min: million, max: 6 * million, step: 100_000, start: 4 * million }),
        line('Äldreomsorg', 'Elderly care', { min: million, max: 6 * million, step: 100_000, start: 3 * million }),
        line('Kultur och fritid', 'Culture and leisure', { min: 0, max: 4 * million, step: 100_000, start: 2 * million }),
      ],
    }),
  );
  await open(
    budgetProcess(seededBudgets.projects, 'Medborgarbudget 2027', 'Citizens’ budget 2027', {
      mode: 'projects',
      total: 5 * million,
      districts: [
        { name: text('Norr', 'North'), total: 3 * million },
        { name: text('Söder', 'South'), total: 2 * million },
      ],
      items: [
        line('Utegym i Norrparken', 'Outdoor gym in Norrparken', { cost: 1_500_000 }, { district: 0 }),
        line('Ny lekplats vid Norrskolan', 'New playground at Norrskolan', { cost: 2 * million }, { district: 0, description: text('En lekplats för barn upp till tolv år.', 'A playground for children up to twelve.') }),
        line('Belysning i Söderskogen', 'Lighting in Söderskogen', { cost: 1_200_000 }, { district: 1 }),
        line('Hundrastgård', 'Dog park', { cost: 900_000 }, { district: 1 }),
        line('Fler bänkar', 'More benches', { cost: 500_000 }),
      ],
    }),
  );
  await open(
    budgetProcess(seededBudgets.closed, 'Parker 2026', 'Parks 2026', {
      mode: 'sliders',
      total: 5 * million,
      items: [line('Gräsytor', 'Lawns', { ...step, max: 5 * million, start: 2 * million }), line('Planteringar', 'Flower beds', { ...step, max: 5 * million, start: 2 * million })],
    }),
  );
  await moveBudget(db, seededBudgets.closed, 'closed');

  const vote = async (slug: string, email: string, ballot: { allocations?: { itemId: number; amount: number }[]; projects?: number[]; districtId?: number | null }, confirm = true) => {
    const { token } = await castBallot(db, slug, { email, districtId: null, allocations: [], projects: [], lang: 'sv', ...ballot });
    if (confirm) await confirmBallot(db, token);
  };
  const idsOf = async (slug: string) => (await findPublicBudget(db, slug, { includeDraft: true }))!.items.map((i) => i.id);

  await open(
    budgetProcess(seededBudgets.published, 'Trygghet 2026', 'Safety 2026', {
      mode: 'sliders',
      total: 6 * million,
      items: [
        line('Belysning', 'Street lighting', { ...step, max: 4 * million, start: 2 * million }),
        line('Trygghetsvandringar', 'Safety walks', { ...step, max: 2 * million, start: million }),
        line('Kameror vid stationen', 'Cameras at the station', { ...step, max: 3 * million, start: million }),
      ],
    }),
  );
  const [light, walks, cameras] = await idsOf(seededBudgets.published);
  const amounts = [
    [3, 1, 1],
    [2, 2, 0.5],
    [4, 0.5, 1.5],
    [2.5, 1, 2],
    [3, 1, 1],
  ];
  for (const [i, [a, b, c]] of amounts.entries()) {
    await vote(seededBudgets.published, `invanare${i + 1}@example.se`, {
      allocations: [
        { itemId: light!, amount: a! * million },
        { itemId: walks!, amount: b! * million },
        { itemId: cameras!, amount: c! * million },
      ],
    });
  }
  // Sent but never confirmed: it must not count.
  await vote(seededBudgets.published, 'obekraftad@example.se', { allocations: [{ itemId: light!, amount: 0 }, { itemId: walks!, amount: 0 }, { itemId: cameras!, amount: 0 }] }, false);
  await moveBudget(db, seededBudgets.published, 'closed');
  await publishBudget(db, seededBudgets.published, {
    decision: text('Kommunfullmäktige beslutade den 10 december att satsa 3 miljoner kronor på belysning.\n\nTrygghetsvandringarna fortsätter som förut.', 'The council decided on 10 December to spend 3 million kronor on street lighting.\n\nThe safety walks go on as before.'),
    selected: [],
  });

  await open(
    budgetProcess(seededBudgets.publishedProjects, 'Lekplatser 2026', 'Playgrounds 2026', {
      mode: 'projects',
      total: 3 * million,
      items: [
        line('Lekplats i Västerparken', 'Playground in Västerparken', { cost: 1_500_000 }),
        line('Vattenlek vid badet', 'Water play at the beach', { cost: million }),
        line('Linbana i skogen', 'Zip line in the woods', { cost: 1_200_000 }),
      ],
    }),
  );
  const [park, water, zip] = await idsOf(seededBudgets.publishedProjects);
  for (const [i, projects] of [[park!, water!], [park!, zip!], [water!], [park!, water!], [zip!]].entries()) {
    await vote(seededBudgets.publishedProjects, `rostare${i + 1}@example.se`, { projects });
  }
  await moveBudget(db, seededBudgets.publishedProjects, 'closed');
  await publishBudget(db, seededBudgets.publishedProjects, {
    decision: text('Lekplatsen i Västerparken och vattenleken byggs 2027.', 'The playground in Västerparken and the water play are built in 2027.'),
    selected: [park!, water!],
  });

  await open(
    budgetProcess(seededBudgets.publishedDistricts, 'Områdenas projekt 2026', 'District projects 2026', {
      mode: 'projects',
      total: 2 * million,
      districts: [
        { name: text('Norr', 'North'), total: million },
        { name: text('Söder', 'South'), total: million },
      ],
      items: [
        line('Pulkabacke', 'Sledging hill', { cost: 600_000 }, { district: 0 }),
        line('Badbrygga', 'Bathing jetty', { cost: 700_000 }, { district: 1 }),
        line('Fler papperskorgar', 'More litter bins', { cost: 200_000 }),
      ],
    }),
  );
  const [sledging, jetty, bins] = await idsOf(seededBudgets.publishedDistricts);
  const districtIds = (await db.selectFrom('budget_districts').select('id').where('budget_slug', '=', seededBudgets.publishedDistricts).orderBy('position').execute()).map((d) => d.id);
  // Five in Norr, one in Söder: too few there for figures (the small-group rule).
  for (const n of [1, 2, 3, 4, 5]) await vote(seededBudgets.publishedDistricts, `norr${n}@example.se`, { districtId: districtIds[0]!, projects: n <= 3 ? [sledging!, bins!] : [sledging!] });
  await vote(seededBudgets.publishedDistricts, 'soder@example.se', { districtId: districtIds[1]!, projects: [jetty!] });
  await moveBudget(db, seededBudgets.publishedDistricts, 'closed');
  await publishBudget(db, seededBudgets.publishedDistricts, { decision: text('Pulkabacken och badbryggan byggs 2027.', null), selected: [sledging!, jetty!] });
}

async function seedPolls(db: Db) {
  const make = async (input: Parameters<typeof createPoll>[1]) => {
    const id = await createPoll(db, input);
    await movePoll(db, id, 'open');
    return id;
  };
  const options = (id: number) => db.selectFrom('poll_options').select('id').where('poll_id', '=', id).orderBy('id').execute();
  await make({
    question: { sv: seededPolls.single, en: 'Which day suits you best for the next open meeting?' },
    kind: 'single',
    options: [
      { sv: 'Måndag', en: 'Monday' },
      { sv: 'Tisdag', en: 'Tuesday' },
      { sv: 'Onsdag', en: 'Wednesday' },
    ],
  });
  await make({
    question: { sv: seededPolls.multiple, en: 'What would you like to do in the new park?' },
    kind: 'multiple',
    options: [
      { sv: 'Grilla', en: 'Have a barbecue' },
      { sv: 'Spela boll', en: 'Play ball games' },
      { sv: 'Sitta i skuggan', en: 'Sit in the shade' },
      { sv: 'Lyssna på musik', en: null },
    ],
  });
  await make({
    question: { sv: seededPolls.scale, en: 'How happy are you with the snow clearing this winter?' },
    kind: 'scale',
    scaleLabels: { low: { sv: 'Inte alls nöjd', en: 'Not at all happy' }, high: { sv: 'Mycket nöjd', en: 'Very happy' } },
  });
  // Closed: three "Ja", one "Nej", none "Vet inte".
  const closed = await make({
    question: { sv: seededPolls.closed, en: 'Should the library open on Sundays?' },
    kind: 'single',
    options: [
      { sv: 'Ja', en: 'Yes' },
      { sv: 'Nej', en: 'No' },
      { sv: 'Vet inte', en: 'Don’t know' },
    ],
  });
  const [yes, no] = (await options(closed)).map((o) => o.id);
  for (const choice of [yes!, yes!, yes!, no!]) await answerPoll(db, closed, [choice]);
  await movePoll(db, closed, 'closed');
  await make({
    question: { sv: seededPolls.live, en: 'Which treat should we have at the meeting?' },
    kind: 'single',
    options: [
      { sv: 'Kanelbullar', en: 'Cinnamon buns' },
      { sv: 'Morotskaka', en: 'Carrot cake' },
    ],
  });
}

/**
 * The console's panel tests read these: six confirmed members aged 30–49 (a group shown in
 * figures) and two aged 65+ (fewer than the smallest group shown), none with a district.
 */
async function seedPanelMembers(db: Db) {
  const join = async (n: number, ageBand: string) => {
    const joined = await joinPanel(db, { name: null, email: `panelmedlem${n}@example.se`, ageBand, district: null, lang: n % 2 ? 'sv' : 'en' });
    if (!joined.alreadyMember) await confirmMember(db, joined.token);
  };
  for (let n = 1; n <= 6; n++) await join(n, '30–49');
  for (let n = 7; n <= 8; n++) await join(n, '65+');
}

/**
 * The register widget's tests read the demo register (an open dialogue, a planned one, and a
 * finished one with its feedback), with the seeded open petition as a channel of the open one.
 */
async function seedRegister(db: Db) {
  await seedDemoRegister(db);
  const open = await db.selectFrom('dialogues').select('id').where('title_sv', '=', 'Nya parken i centrum').executeTakeFirstOrThrow();
  const petition = await db.selectFrom('petitions').select('id').where('title', '=', seededPetitions.open).executeTakeFirstOrThrow();
  await addChannel(db, open.id, { kind: 'petition', ref: String(petition.id) });
}
