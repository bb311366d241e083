import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Migrator } from 'kysely';
import type { App } from '../../server/app.js';
import type { Db } from '../../server/db/index.js';
import { migrateToLatest } from '../../server/db/index.js';
import { migrations } from '../../server/db/migrations.js';
import { listPublicPetitions } from '../../server/petitions/public.js';
import { publicStatuses, type PetitionStatus } from '../../server/petitions/rules.js';
import type { PetitionSummary } from '../../server/petitions/schemas.js';
import { queryWords, searchPetitions, significantWords } from '../../server/petitions/search.js';
import { confirmProposal, movePetition, proposePetition } from '../../server/petitions/store.js';
import { testApp, testDatabases } from './helpers.js';
import { seedStaff, signIn, staffRequest } from './staff-helpers.js';

type Step = 'awaiting_moderation' | 'open' | 'closed' | 'answered' | 'rejected';
type Key = 'cykel' | 'bank' | 'lek' | 'gungor' | 'buss' | 'bankomat' | 'fontan' | 'papper' | 'target' | 'draft' | 'rejected';

/** A petition taken through its life up to `to`; 'draft' stays unconfirmed. */
async function make(db: Db, title: string, body: string, to: 'draft' | Step): Promise<number> {
  const { petitionId, token } = await proposePetition(db, { title, body, name: 'Greta Gran', email: 'greta@example.se' }, 2);
  if (to === 'draft') return petitionId;
  await confirmProposal(db, token);
  const steps: Record<Step, PetitionStatus[]> = {
    awaiting_moderation: [],
    rejected: ['rejected'],
    open: ['open'],
    closed: ['open', 'closed'],
    answered: ['open', 'answered'],
  };
  for (const status of steps[to]) {
    await movePetition(db, petitionId, status, status === 'answered' ? { answer: 'Beslutat.' } : status === 'rejected' ? { rejection_reason: 'Hör inte hit.' } : {});
  }
  return petitionId;
}

for (const database of testDatabases()) {
  describe(`full-text search of petitions on ${database.name}`, () => {
    let app: App;
    let db: Db;
    let moderator: string;
    const ids = {} as Record<Key, number>;
    const titles = new Map<number, string>();
    const search = async (q: string) => {
      const res = await app.request(`/api/petitions?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, `q=${q}`);
      return ((await res.json()) as { petitions: PetitionSummary[] }).petitions;
    };
    const found = async (q: string) => (await search(q)).map((p) => p.title);

    before(async () => {
      ({ app, db } = await testApp(database));
      await db.deleteFrom('petitions').execute();
      await db.deleteFrom('staff_users').execute();
      await seedStaff(db);
      moderator = await signIn(app, 'moderator');
      const add = async (key: Key, title: string, body: string, to: 'draft' | Step) => {
        ids[key] = await make(db, title, body, to);
        titles.set(ids[key], title);
      };
      await add('cykel', 'Belysning längs cykelvägarna', 'Cykelvägarna genom Östra skogen är mörka på kvällarna. Sätt upp lampor.', 'open');
      await add('bank', 'Fler bänkar i stadsparken', 'Äldre besökare behöver vila: ställ ut bänkar vid dammen i parken.', 'closed');
      await add('lek', 'Ny lekplats i Åby', 'Barnen i Åby saknar gungor och en sandlåda.', 'answered');
      await add('gungor', 'Gungor vid skolan', 'Skolgården behöver gungor och en klätterställning.', 'open');
      await add('buss', 'Bättre bussar till Aby', 'Bussarna till Aby går för sällan på kvällarna.', 'open');
      await add('bankomat', 'Bankomat på torget', 'Det finns ingen bankomat i centrum längre.', 'open');
      await add('fontan', 'Fontän på torget', 'Torget behöver en fontän som porlar på sommaren.', 'open');
      await add('papper', 'Papperskorgar i stadsparken', 'Stadsparken behöver fler papperskorgar vid dammen.', 'awaiting_moderation');
      await add('target', 'Bänkar och belysning i stadsparken', 'Stadsparken saknar bänkar. Äldre besökare vill vila, och belysningen vid dammen är dålig på kvällarna.', 'awaiting_moderation');
      await add('draft', 'Bänkar i stadsparken vid dammen', 'Stadsparken saknar bänkar: äldre besökare vill vila vid dammen. Hemlig cykelparkering.', 'draft');
      await add('rejected', 'Bänkar i stadsparken, igen', 'Stadsparken saknar bänkar för äldre besökare vid dammen. Avvisad cykelparkering.', 'rejected');
    });
    after(async () => {
      await db.destroy();
    });

    it('finds words by their start, through the public API, best match first', async () => {
      assert.deepEqual(await found('cykel'), ['Belysning längs cykelvägarna']);
      assert.deepEqual(await found('CYKELVÄGARNA'), ['Belysning längs cykelvägarna']);
      assert.deepEqual(await found('bankom'), ['Bankomat på torget']);
      // In the title and the text ranks above the text alone.
      assert.deepEqual(await found('gungor'), ['Gungor vid skolan', 'Ny lekplats i Åby']);
      const list = await search('torget');
      assert.deepEqual(list.map((p) => p.title).sort(), ['Bankomat på torget', 'Fontän på torget']);
      assert.deepEqual(Object.keys(list[0]!).sort(), ['answeredAt', 'closesAt', 'id', 'openedAt', 'signatureCount', 'status', 'threshold', 'title'], 'the summary shape is kept');
    });

    it('needs every word to match', async () => {
      assert.deepEqual(await found('cykel mörka'), ['Belysning längs cykelvägarna']);
      assert.deepEqual(await found('cykel gungor'), []);
      assert.deepEqual(await found('torget bankomat'), ['Bankomat på torget']);
      assert.deepEqual(await found('"torget" fontän'), ['Fontän på torget'], 'quotes typed around a word change nothing');
      assert.deepEqual(await found('cykel*'), ['Belysning längs cykelvägarna']);
      const onlyClosed = await app.request('/api/petitions?status=closed&q=b%C3%A4nkar');
      assert.deepEqual(((await onlyClosed.json()) as { petitions: PetitionSummary[] }).petitions.map((p) => p.title), ['Fler bänkar i stadsparken']);
      assert.deepEqual((await (await app.request('/api/petitions?status=open&q=b%C3%A4nkar')).json()) as unknown, { petitions: [] });
    });

    it('keeps å, ä and ö apart from a and o', async () => {
      assert.deepEqual(await found('åby'), ['Ny lekplats i Åby']);
      assert.deepEqual(await found('ÅBY'), ['Ny lekplats i Åby']);
      assert.deepEqual(await found('aby'), ['Bättre bussar till Aby']);
      assert.deepEqual(await found('bänk'), ['Fler bänkar i stadsparken']);
      assert.deepEqual(await found('bank'), ['Bankomat på torget']);
      assert.deepEqual(await found('östra'), ['Belysning längs cykelvägarna']);
      assert.deepEqual(await found('ostra'), []);
      assert.deepEqual(await found('fontän'), ['Fontän på torget']);
      assert.deepEqual(await found('fontan'), []);
      // A decomposed å (a + combining ring), as some keyboards send it, is the same letter.
      assert.deepEqual(await found('A\u030Aby'), ['Ny lekplats i Åby']);
    });

    it('never lets typed text act as query syntax', async () => {
      const hostile = [
        '"',
        '""',
        '*',
        'cykel*',
        '"cykel',
        'AND',
        'OR',
        'NOT',
        'cykel AND',
        'cykel OR bänkar',
        'NOT cykel',
        '-cykel',
        'NEAR(',
        'NEAR(cykel bänkar, 2)',
        'title:cykel',
        '{title body}: cykel',
        '^cykel',
        ':*',
        'cykel:*',
        "cykel:* & !'bänk'",
        '&|!',
        '&',
        '!cykel',
        '<->',
        'cykel <-> bänk',
        '(',
        ')',
        '((cykel)',
        ')(',
        "'",
        "''; drop table petitions; --",
        '\\',
        '%',
        '_',
        '%_\\',
        '🚲🌳',
        '🚲 cykel',
        '',
        '   ',
        '\u0000',
        '½ ² ª 𞤀',
        'x'.repeat(100),
        'å'.repeat(100),
        'cykel '.repeat(16).trim(),
      ];
      for (const q of hostile) await search(q);
      assert.deepEqual(await found('"cykel'), ['Belysning längs cykelvägarna']);
      assert.deepEqual(await found('cykel:*'), ['Belysning längs cykelvägarna']);
      assert.deepEqual(await found('((cykel)'), ['Belysning längs cykelvägarna']);
      assert.deepEqual(await found('NEAR(cykel'), [], 'NEAR is just a word to find');
      assert.equal((await search('%')).length, 7, 'nothing searchable typed: every public petition');
      assert.equal((await search('')).length, 7);
      // The API refuses more than 100 characters outright; the search itself copes with more.
      assert.equal((await app.request(`/api/petitions?q=${'a'.repeat(500)}`)).status, 400);
      for (const q of ['a'.repeat(500), 'å'.repeat(500), `${'cykel '.repeat(100)}"`, '(('.repeat(250), '🚲'.repeat(250)]) {
        assert.ok(Array.isArray(await listPublicPetitions(db, { q })));
      }
      for (const words of [['"'], ['a"b'], ['cykel:*', '&|!'], ["'", '('], ['NEAR(x'], [''], ['x'.repeat(3000)], ['ö'.repeat(3000)], Array.from({ length: 200 }, (_, i) => `ord${i}`)]) {
        for (const mode of ['all', 'any'] as const) await searchPetitions(db, words, { statuses: publicStatuses, mode, limit: 5 });
      }
      assert.deepEqual(
        (await searchPetitions(db, ['cykel:* | bänk'], { statuses: publicStatuses, mode: 'all', limit: 5 })).map((h) => h.id),
        [],
        'raw query syntax passed by a caller is taken apart into words (cykel, bänk): both must match',
      );
      assert.equal((await search('cykel')).length, 1, 'and everything is still there');
    });

    it('never shows petitions that are not public', async () => {
      const hidden = new Set([ids.papper, ids.target, ids.draft, ids.rejected]);
      for (const q of ['stadsparken', 'dammen', 'papperskorgar', 'hemlig', 'avvisad', 'cykelparkering', 'bänkar', 'igen', 'äldre vila']) {
        const list = await search(q);
        for (const p of list) {
          assert.ok(!hidden.has(p.id), `${q} found ${p.title}`);
          assert.ok(publicStatuses.includes(p.status), p.status);
        }
      }
      assert.deepEqual(await found('papperskorgar'), []);
      assert.deepEqual(await found('hemlig'), []);
      assert.deepEqual(await found('stadsparken'), ['Fler bänkar i stadsparken']);
    });

    it('follows corrections and deletions (the index is kept in step)', async () => {
      assert.deepEqual(await found('fontän'), ['Fontän på torget']);
      const res = await staffRequest(app, `/api/staff/petitions/${ids.fontan}`, {
        method: 'PATCH',
        cookie: moderator,
        body: { title: 'Springbrunn på torget', body: 'Torget behöver en springbrunn som porlar om sommaren.' },
      });
      assert.equal(res.status, 200);
      assert.deepEqual(await found('springbrunn'), ['Springbrunn på torget']);
      assert.deepEqual(await found('fontän'), [], 'the old words are gone');
      assert.deepEqual(await found('porlar'), ['Springbrunn på torget']);
      // Changes to other columns (a counted signature) leave the text searchable.
      await db.updateTable('petitions').set({ signature_count: 1 }).where('id', '=', ids.fontan).execute();
      assert.deepEqual(await found('springbrunn torget'), ['Springbrunn på torget']);

      const gone = await make(db, 'Tillfällig skridskobana', 'Spola en skridskobana på fotbollsplanen.', 'open');
      assert.deepEqual(await found('skridsko'), ['Tillfällig skridskobana']);
      await db.deleteFrom('petitions').where('id', '=', gone).execute();
      assert.deepEqual(await found('skridsko'), []);
    });

    it('shows moderators the closest petitions first, never drafts, rejected ones or the petition itself', async () => {
      const res = await staffRequest(app, `/api/staff/petitions/${ids.target}`, { cookie: moderator });
      assert.equal(res.status, 200);
      const { similar } = (await res.json()) as { similar: { id: number; title: string; status: string; sharedWords: number }[] };
      assert.equal(similar[0]?.id, ids.bank, 'the near duplicate comes first');
      const similarIds = similar.map((s) => s.id);
      assert.ok(similarIds.includes(ids.papper), 'one awaiting moderation is shown too');
      assert.ok(similarIds.includes(ids.cykel), 'two shared words (belysning, kvällarna) are enough');
      for (const excluded of [ids.target, ids.draft, ids.rejected]) assert.ok(!similarIds.includes(excluded), titles.get(excluded));
      assert.ok(!similarIds.includes(ids.lek) && !similarIds.includes(ids.buss), 'one shared word is not similar');
      assert.ok(similar.length <= 5);
      for (const s of similar) {
        assert.deepEqual(Object.keys(s).sort(), ['id', 'sharedWords', 'status', 'title']);
        assert.ok(s.sharedWords >= 2, `${s.title}: ${s.sharedWords}`);
      }
      assert.ok(similar[0]!.sharedWords > similar.find((s) => s.id === ids.cykel)!.sharedWords);

      // Ranked all the way down: many shared words, then title words, above a single text word.
      const target = await db.selectFrom('petitions').select(['title', 'body']).where('id', '=', ids.target).executeTakeFirstOrThrow();
      const hits = await searchPetitions(db, significantWords(`${target.title} ${target.body}`), {
        statuses: [...publicStatuses, 'awaiting_moderation'],
        excludeId: ids.target,
        mode: 'any',
        minShared: 1,
        limit: 20,
      });
      const order = hits.map((h) => h.id);
      assert.equal(order[0], ids.bank);
      for (const weak of [ids.lek, ids.buss]) {
        assert.ok(order.includes(weak), titles.get(weak));
        assert.equal(hits.find((h) => h.id === weak)!.shared, 1);
        for (const strong of [ids.bank, ids.papper, ids.cykel]) assert.ok(order.indexOf(strong) < order.indexOf(weak), `${titles.get(strong)} above ${titles.get(weak)}`);
      }
      assert.ok(!order.includes(ids.draft) && !order.includes(ids.rejected) && !order.includes(ids.target));

      // A petition with nothing in common has no similar ones.
      const lonely = await make(db, 'Ekorrholkar i Norrskogen', 'Sätt upp holkar för ekorrar uppe i Norrskogen.', 'awaiting_moderation');
      const none = (await (await staffRequest(app, `/api/staff/petitions/${lonely}`, { cookie: moderator })).json()) as { similar: unknown[] };
      assert.deepEqual(none.similar, []);
    });

    it('extracts only letters and digits, and significant words once each', () => {
      assert.deepEqual(queryWords('"Cykel" AND (bänk*) :* NEAR(x, 2) & 🚲'), ['cykel', 'and', 'bänk', 'near', 'x', '2']);
      assert.deepEqual(significantWords('Belysning och belysningen i parken, inte i kommunen'), ['belysning', 'parken']);
    });

    it('indexes existing petitions when the migration is undone and done again', async () => {
      const names = Object.keys(migrations).sort();
      const previous = names[names.indexOf('0006_petition_search') - 1]!;
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      const down = await migrator.migrateTo(previous);
      assert.equal(down.error, undefined);
      assert.ok(down.results?.some((r) => r.migrationName === '0006_petition_search' && r.direction === 'Down' && r.status === 'Success'));
      await migrateToLatest(db);
      assert.deepEqual(await found('springbrunn'), ['Springbrunn på torget']);
      assert.deepEqual(await found('cykel'), ['Belysning längs cykelvägarna']);
    });
  });
}
