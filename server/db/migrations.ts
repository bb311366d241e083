import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './dialect.js';

/**
 * Every schema change, in order. Written once for both SQLite and PostgreSQL; the few
 * places they differ ask `isPostgres`. Never edit a migration that has shipped: add one.
 */
export const migrations: Record<string, Migration> = {
  '0001_tiles': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('tile_sets')
        .addColumn('slug', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('title_sv', 'varchar(200)', (c) => c.notNull())
        .addColumn('title_en', 'varchar(200)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('tiles')
        .addColumn('id', isPostgres(db) ? 'serial' : 'integer', (c) =>
          isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('set_slug', 'varchar(64)', (c) => c.notNull().references('tile_sets.slug').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('title_sv', 'varchar(200)', (c) => c.notNull())
        .addColumn('title_en', 'varchar(200)')
        .addColumn('description_sv', 'varchar(500)', (c) => c.notNull().defaultTo(''))
        .addColumn('description_en', 'varchar(500)')
        .addColumn('icon', 'varchar(32)', (c) => c.notNull())
        .addColumn('target_kind', 'varchar(16)', (c) => c.notNull().check(sql`target_kind in ('link', 'widget')`))
        .addColumn('href', 'varchar(2000)')
        .addColumn('widget', 'varchar(32)')
        .addColumn('widget_attrs', 'text')
        .addColumn('colour', 'varchar(32)')
        .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('tiles_by_set').on('tiles').columns(['set_slug', 'position']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('tiles').execute();
      await db.schema.dropTable('tile_sets').execute();
    },
  },
  '0002_staff': {
    async up(db: Kysely<unknown>) {
      const id = (table: string) =>
        db.schema
          .createTable(table)
          .addColumn('id', isPostgres(db) ? 'serial' : 'integer', (c) => (isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement()));
      await id('staff_users')
        .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
        .addColumn('role', 'varchar(16)', (c) => c.notNull().check(sql`role in ('admin', 'moderator', 'chat_agent')`))
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('staff_sessions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('staff_sessions_by_user').on('staff_sessions').column('user_id').execute();
      await id('sign_in_failures')
        .addColumn('email', 'varchar(254)', (c) => c.notNull())
        .addColumn('ip', 'varchar(64)', (c) => c.notNull())
        .addColumn('at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_in_failures_by_email').on('sign_in_failures').columns(['email', 'at']).execute();
      await db.schema.createIndex('sign_in_failures_by_ip').on('sign_in_failures').columns(['ip', 'at']).execute();
      await id('audit_log')
        .addColumn('at', 'varchar(32)', (c) => c.notNull())
        .addColumn('user_id', 'integer')
        .addColumn('actor', 'varchar(254)')
        .addColumn('action', 'varchar(64)', (c) => c.notNull())
        .addColumn('target', 'varchar(200)')
        .addColumn('detail', 'text')
        .execute();
      await db.schema.createIndex('audit_log_by_time').on('audit_log').column('at').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['audit_log', 'sign_in_failures', 'staff_sessions', 'staff_users']) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
  '0003_proof_of_work': {
    async up(db: Kysely<unknown>) {
      // Solved proof-of-work challenges, kept until they expire so none is accepted twice.
      await db.schema
        .createTable('pow_used')
        .addColumn('signature', 'varchar(128)', (c) => c.primaryKey())
        .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pow_used_by_expiry').on('pow_used').column('expires_at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('pow_used').execute();
    },
  },
  '0004_petitions': {
    async up(db: Kysely<unknown>) {
      const id = (table: string) =>
        db.schema
          .createTable(table)
          .addColumn('id', isPostgres(db) ? 'serial' : 'integer', (c) => (isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement()));
      await id('petitions')
        .addColumn('title', 'varchar(150)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('proposer_name', 'varchar(100)')
        .addColumn('proposer_email', 'varchar(254)')
        .addColumn('status', 'varchar(24)', (c) =>
          c.notNull().check(sql`status in ('draft', 'awaiting_moderation', 'open', 'closed', 'answered', 'rejected')`),
        )
        .addColumn('rejection_reason', 'text')
        .addColumn('threshold', 'integer', (c) => c.notNull())
        // Counted when a signature is confirmed, in the same transaction, so reads are cheap.
        .addColumn('signature_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('submitted_at', 'varchar(32)')
        .addColumn('opened_at', 'varchar(32)')
        .addColumn('closes_at', 'varchar(32)')
        .addColumn('closed_at', 'varchar(32)')
        .addColumn('answer', 'text')
        .addColumn('answered_at', 'varchar(32)')
        .addColumn('threshold_reached_at', 'varchar(32)')
        .addColumn('anonymised_at', 'varchar(32)')
        .execute();
      await db.schema.createIndex('petitions_by_status').on('petitions').columns(['status', 'opened_at']).execute();
      await id('signatures')
        .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
        /** Canonical form; null once anonymised or erased (the signature still counts). */
        .addColumn('email', 'varchar(254)')
        .addColumn('name', 'varchar(100)')
        .addColumn('show_name', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('hear_back', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('connection', 'varchar(16)', (c) => c.notNull().check(sql`connection in ('resident', 'other')`))
        .addColumn('connection_text', 'varchar(200)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('confirmed_at', 'varchar(32)')
        .addColumn('anonymised_at', 'varchar(32)')
        .execute();
      // One signature per mailbox and petition, enforced by the database itself.
      await db.schema.createIndex('signatures_one_per_email').on('signatures').columns(['petition_id', 'email']).unique().execute();
      await id('confirmations')
        /** SHA-256 of the token in the link; the link itself is never stored. */
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('purpose', 'varchar(24)', (c) => c.notNull().check(sql`purpose in ('proposal', 'signature')`))
        .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
        .addColumn('signature_id', 'integer', (c) => c.references('signatures.id').onDelete('cascade'))
        .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('used_at', 'varchar(32)')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['confirmations', 'signatures', 'petitions']) await db.schema.dropTable(table).execute();
    },
  },
  '0005_petition_lang': {
    // The language the proposer and each signer wrote in, so later mails (moderation,
    // answer) reach them in it.
    async up(db: Kysely<unknown>) {
      for (const table of ['petitions', 'signatures']) {
        await db.schema
          .alterTable(table)
          .addColumn('lang', 'varchar(2)', (c) => c.notNull().defaultTo('sv').check(sql`lang in ('sv', 'en')`))
          .execute();
      }
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['petitions', 'signatures']) await db.schema.alterTable(table).dropColumn('lang').execute();
    },
  },
  '0006_petition_search': {
    // Full-text search of petitions' titles and texts (see server/petitions/search.ts).
    async up(db: Kysely<unknown>) {
      if (isPostgres(db)) {
        // Kept up to date by PostgreSQL itself. Deliberately not in the Kysely table type:
        // rows read with selectAll() carry it, and nothing but search should use it.
        await sql`alter table petitions add column search tsvector generated always as (
          setweight(to_tsvector('swedish', title), 'A') || setweight(to_tsvector('swedish', body), 'B')
        ) stored`.execute(db);
        await db.schema.createIndex('petitions_search').on('petitions').using('gin').column('search').execute();
        return;
      }
      // An external-content FTS5 index: the text stays in petitions, triggers keep the index
      // in step. remove_diacritics 0: å, ä and ö are letters of their own in Swedish, not a and o.
      await sql`create virtual table petitions_fts using fts5(
        title, body, content='petitions', content_rowid='id', tokenize='unicode61 remove_diacritics 0'
      )`.execute(db);
      await sql`create trigger petitions_fts_insert after insert on petitions begin
        insert into petitions_fts(rowid, title, body) values (new.id, new.title, new.body);
      end`.execute(db);
      await sql`create trigger petitions_fts_delete after delete on petitions begin
        insert into petitions_fts(petitions_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
      end`.execute(db);
      // Only when the text changes, not with every counted signature.
      await sql`create trigger petitions_fts_update after update of title, body on petitions begin
        insert into petitions_fts(petitions_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
        insert into petitions_fts(rowid, title, body) values (new.id, new.title, new.body);
      end`.execute(db);
      // Indexes the petitions that already exist.
      await sql`insert into petitions_fts(petitions_fts) values ('rebuild')`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (isPostgres(db)) {
        await db.schema.dropIndex('petitions_search').execute();
        await db.schema.alterTable('petitions').dropColumn('search').execute();
        return;
      }
      for (const trigger of ['petitions_fts_update', 'petitions_fts_delete', 'petitions_fts_insert']) await sql`drop trigger ${sql.id(trigger)}`.execute(db);
      await sql`drop table petitions_fts`.execute(db);
    },
  },
  '0007_public_signers_index': {
    // The public signers of a petition, newest first, read with every petition page.
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('signatures_confirmed').on('signatures').columns(['petition_id', 'confirmed_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('signatures_confirmed').execute();
    },
  },
  '0008_budgets': {
    async up(db: Kysely<unknown>) {
      const pk = (table: string) =>
        db.schema
          .createTable(table)
          .addColumn('id', isPostgres(db) ? 'serial' : 'integer', (c) => (isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement()));
      await db.schema
        .createTable('budgets')
        .addColumn('slug', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('title_sv', 'varchar(200)', (c) => c.notNull())
        .addColumn('title_en', 'varchar(200)')
        .addColumn('description_sv', 'text', (c) => c.notNull())
        .addColumn('description_en', 'text')
        .addColumn('mode', 'varchar(16)', (c) => c.notNull().check(sql`mode in ('sliders', 'projects')`))
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('rule', 'varchar(16)', (c) => c.notNull().check(sql`rule in ('within', 'balanced')`))
        .addColumn('tolerance', 'integer', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull().check(sql`status in ('draft', 'open', 'closed', 'published')`))
        .addColumn('closes_at', 'varchar(32)')
        .addColumn('decision_sv', 'text')
        .addColumn('decision_en', 'text')
        // Computed once at publishing: ballots no longer change, so readers get it as it is.
        .addColumn('results_json', 'text')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('opened_at', 'varchar(32)')
        .addColumn('closed_at', 'varchar(32)')
        .addColumn('published_at', 'varchar(32)')
        .execute();
      await pk('budget_districts')
        .addColumn('budget_slug', 'varchar(64)', (c) => c.notNull().references('budgets.slug').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name_sv', 'varchar(100)', (c) => c.notNull())
        .addColumn('name_en', 'varchar(100)')
        .addColumn('total', 'integer', (c) => c.notNull())
        .execute();
      await pk('budget_items')
        .addColumn('budget_slug', 'varchar(64)', (c) => c.notNull().references('budgets.slug').onDelete('cascade'))
        .addColumn('district_id', 'integer', (c) => c.references('budget_districts.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('title_sv', 'varchar(150)', (c) => c.notNull())
        .addColumn('title_en', 'varchar(150)')
        .addColumn('description_sv', 'text', (c) => c.notNull())
        .addColumn('description_en', 'text')
        .addColumn('image_url', 'varchar(2000)')
        .addColumn('image_alt_sv', 'varchar(300)')
        .addColumn('image_alt_en', 'varchar(300)')
        .addColumn('min', 'integer', (c) => c.notNull())
        .addColumn('max', 'integer', (c) => c.notNull())
        .addColumn('step', 'integer', (c) => c.notNull())
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('cost', 'integer', (c) => c.notNull())
        .addColumn('selected', 'integer')
        .execute();
      // One row per resident and process: their latest confirmed ballot is the one that counts.
      await pk('budget_voters')
        .addColumn('budget_slug', 'varchar(64)', (c) => c.notNull().references('budgets.slug').onDelete('cascade'))
        /** Canonical form; null once anonymised. */
        .addColumn('email', 'varchar(254)')
        .addColumn('counted_ballot_id', 'integer')
        .addColumn('anonymised_at', 'varchar(32)')
        .execute();
      await db.schema.createIndex('budget_voters_one_per_email').on('budget_voters').columns(['budget_slug', 'email']).unique().execute();
      await db.schema.createIndex('budget_voters_counted').on('budget_voters').columns(['budget_slug', 'counted_ballot_id']).execute();
      await pk('budget_ballots')
        .addColumn('voter_id', 'integer', (c) => c.notNull().references('budget_voters.id').onDelete('cascade'))
        .addColumn('district_id', 'integer', (c) => c.references('budget_districts.id').onDelete('cascade'))
        .addColumn('lang', 'varchar(2)', (c) => c.notNull().check(sql`lang in ('sv', 'en')`))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('confirmed_at', 'varchar(32)')
        .execute();
      await db.schema
        .createTable('budget_allocations')
        .addColumn('ballot_id', 'integer', (c) => c.notNull().references('budget_ballots.id').onDelete('cascade'))
        .addColumn('item_id', 'integer', (c) => c.notNull().references('budget_items.id').onDelete('cascade'))
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('budget_allocations_pk', ['ballot_id', 'item_id'])
        .execute();
      await db.schema.createIndex('budget_allocations_by_item').on('budget_allocations').columns(['item_id', 'amount']).execute();
      await pk('ballot_confirmations')
        /** SHA-256 of the token in the link; the link itself is never stored. */
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('ballot_id', 'integer', (c) => c.notNull().references('budget_ballots.id').onDelete('cascade'))
        .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('used_at', 'varchar(32)')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['ballot_confirmations', 'budget_allocations', 'budget_ballots', 'budget_voters', 'budget_items', 'budget_districts', 'budgets']) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
  '0009_chat': {
    async up(db: Kysely<unknown>) {
      const pk = (table: string) =>
        db.schema
          .createTable(table)
          .addColumn('id', isPostgres(db) ? 'serial' : 'integer', (c) => (isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement()));
      await pk('chat_conversations')
        /** SHA-256 of the resident's secret for this conversation; the secret itself stays in their browser. */
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('status', 'varchar(16)', (c) => c.notNull().check(sql`status in ('waiting', 'ongoing', 'closed')`))
        .addColumn('name', 'varchar(100)')
        .addColumn('email', 'varchar(254)')
        .addColumn('lang', 'varchar(2)', (c) => c.notNull().check(sql`lang in ('sv', 'en')`))
        .addColumn('assigned_to', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('last_message_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('closed_at', 'varchar(32)')
        .execute();
      await db.schema.createIndex('chat_conversations_by_status').on('chat_conversations').columns(['status', 'last_message_at']).execute();
      // A message's id is also its event id: a reconnecting page asks for what came after the last one it saw.
      await pk('chat_messages')
        .addColumn('conversation_id', 'integer', (c) => c.notNull().references('chat_conversations.id').onDelete('cascade'))
        .addColumn('author', 'varchar(16)', (c) => c.notNull().check(sql`author in ('resident', 'staff', 'system')`))
        .addColumn('staff_name', 'varchar(100)')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('masked', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('chat_messages_by_conversation').on('chat_messages').columns(['conversation_id', 'id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('chat_messages').execute();
      await db.schema.dropTable('chat_conversations').execute();
    },
  },
  '0010_chat_staff': {
    async up(db: Kysely<unknown>) {
      const pk = (table: string) =>
        db.schema
          .createTable(table)
          .addColumn('id', isPostgres(db) ? 'serial' : 'integer', (c) => (isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement()));
      // The resident's rating once the conversation has ended, and how many transcripts they
      // had mailed (a few at most, so the endpoint cannot be used to send mail in bulk).
      await db.schema.alterTable('chat_conversations').addColumn('rating', 'integer', (c) => c.check(sql`rating between 1 and 5`)).execute();
      await db.schema.alterTable('chat_conversations').addColumn('rated_at', 'varchar(32)').execute();
      await db.schema.alterTable('chat_conversations').addColumn('transcripts_sent', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      // Messages left while the contact centre was closed; personnummer masked like chat messages.
      await pk('chat_cases')
        .addColumn('name', 'varchar(100)')
        .addColumn('email', 'varchar(254)', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('masked', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lang', 'varchar(2)', (c) => c.notNull().check(sql`lang in ('sv', 'en')`))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        // When the contact centre's copy went out; null if sending failed (the case is still here).
        .addColumn('mailed_at', 'varchar(32)')
        .execute();
      await db.schema.createIndex('chat_cases_by_time').on('chat_cases').column('created_at').execute();
      await pk('chat_canned_answers')
        .addColumn('title', 'varchar(100)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      const at = new Date().toISOString();
      await (db as Kysely<{ chat_canned_answers: { title: string; body: string; created_at: string; updated_at: string } }>)
        .insertInto('chat_canned_answers')
        .values([
          { title: 'Hälsning', body: 'Hej och välkommen! Vad kan jag hjälpa dig med?', created_at: at, updated_at: at },
          { title: 'Avslutning', body: 'Tack för att du hörde av dig! Har du fler frågor är du välkommen att chatta med oss igen. Ha en fin dag!', created_at: at, updated_at: at },
        ])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('chat_canned_answers').execute();
      await db.schema.dropTable('chat_cases').execute();
      for (const column of ['transcripts_sent', 'rated_at', 'rating']) await db.schema.alterTable('chat_conversations').dropColumn(column).execute();
    },
  },
  '0011_polls': {
    async up(db: Kysely<unknown>) {
      const pk = (table: string) =>
        db.schema
          .createTable(table)
          .addColumn('id', isPostgres(db) ? 'serial' : 'integer', (c) => (isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement()));
      await pk('polls')
        .addColumn('question_sv', 'varchar(300)', (c) => c.notNull())
        .addColumn('question_en', 'varchar(300)')
        .addColumn('kind', 'varchar(16)', (c) => c.notNull().check(sql`kind in ('single', 'multiple', 'scale')`))
        .addColumn('status', 'varchar(16)', (c) => c.notNull().check(sql`status in ('draft', 'open', 'closed')`))
        // Scale polls only: what 1 and 5 mean; null when the scale speaks for itself.
        .addColumn('scale_low_sv', 'varchar(100)')
        .addColumn('scale_low_en', 'varchar(100)')
        .addColumn('scale_high_sv', 'varchar(100)')
        .addColumn('scale_high_en', 'varchar(100)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('opened_at', 'varchar(32)')
        .addColumn('closed_at', 'varchar(32)')
        .execute();
      await pk('poll_options')
        .addColumn('poll_id', 'integer', (c) => c.notNull().references('polls.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('label_sv', 'varchar(200)', (c) => c.notNull())
        .addColumn('label_en', 'varchar(200)')
        .execute();
      await db.schema.createIndex('poll_options_by_poll').on('poll_options').columns(['poll_id', 'position']).execute();
      // Answers are anonymous: no address, no browser, nothing that tells who answered.
      await pk('poll_answers')
        .addColumn('poll_id', 'integer', (c) => c.notNull().references('polls.id').onDelete('cascade'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('poll_answers_by_poll').on('poll_answers').column('poll_id').execute();
      // One row per chosen option (or the scale value); poll_id repeated so counting needs no join.
      await db.schema
        .createTable('poll_choices')
        .addColumn('answer_id', 'integer', (c) => c.notNull().references('poll_answers.id').onDelete('cascade'))
        .addColumn('poll_id', 'integer', (c) => c.notNull().references('polls.id').onDelete('cascade'))
        .addColumn('choice', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('poll_choices_pk', ['answer_id', 'choice'])
        .execute();
      await db.schema.createIndex('poll_choices_by_poll').on('poll_choices').columns(['poll_id', 'choice']).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['poll_choices', 'poll_answers', 'poll_options', 'polls']) await db.schema.dropTable(table).execute();
    },
  },
  '0012_panel': {
    async up(db: Kysely<unknown>) {
      const pk = (table: string) =>
        db.schema
          .createTable(table)
          .addColumn('id', isPostgres(db) ? 'serial' : 'integer', (c) => (isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement()));
      // A member until they leave; leaving deletes the row, so no name or address stays behind.
      await pk('panel_members')
        .addColumn('name', 'varchar(100)')
        /** As the resident wrote it, for mailing. */
        .addColumn('email', 'varchar(254)', (c) => c.notNull())
        /** Canonical form (see canonicalEmail): one membership per mailbox. */
        .addColumn('email_key', 'varchar(254)', (c) => c.notNull().unique())
        .addColumn('age_band', 'varchar(50)')
        .addColumn('district', 'varchar(100)')
        .addColumn('lang', 'varchar(2)', (c) => c.notNull().check(sql`lang in ('sv', 'en')`))
        .addColumn('status', 'varchar(16)', (c) => c.notNull().check(sql`status in ('pending', 'member')`))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('confirmed_at', 'varchar(32)')
        .execute();
      await pk('panel_confirmations')
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('member_id', 'integer', (c) => c.notNull().references('panel_members.id').onDelete('cascade'))
        .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('used_at', 'varchar(32)')
        .execute();
      // Every panel mail carries a fresh leave link; all of a member's links work until they leave.
      await db.schema
        .createTable('panel_leave_tokens')
        .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('member_id', 'integer', (c) => c.notNull().references('panel_members.id').onDelete('cascade'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('panel_leave_tokens_by_member').on('panel_leave_tokens').column('member_id').execute();
      await pk('surveys')
        .addColumn('title_sv', 'varchar(200)', (c) => c.notNull())
        .addColumn('title_en', 'varchar(200)')
        .addColumn('intro_sv', 'text', (c) => c.notNull())
        .addColumn('intro_en', 'text')
        .addColumn('audience', 'varchar(8)', (c) => c.notNull().check(sql`audience in ('panel', 'open')`))
        /** The pages and their questions, as JSON (SurveyPage[]). */
        .addColumn('pages_json', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull().check(sql`status in ('draft', 'approved', 'sent', 'open', 'closed')`))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('approved_by', 'varchar(100)')
        .addColumn('approved_at', 'varchar(32)')
        .addColumn('sent_at', 'varchar(32)')
        .addColumn('reminded_at', 'varchar(32)')
        .addColumn('closed_at', 'varchar(32)')
        .addColumn('feedback_sv', 'text')
        .addColumn('feedback_en', 'text')
        .addColumn('feedback_sent_at', 'varchar(32)')
        .addColumn('decision_committee', 'varchar(200)')
        .addColumn('decision_sv', 'text')
        .addColumn('decision_en', 'text')
        .addColumn('decision_sent_at', 'varchar(32)')
        .execute();
      // One per invited member (panel) or per resident who started (open). Age band and district
      // are copied at invitation so results stay right after a member leaves (member_id then null).
      await pk('survey_responses')
        .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
        .addColumn('member_id', 'integer', (c) => c.references('panel_members.id').onDelete('set null'))
        .addColumn('invited', 'integer', (c) => c.notNull())
        .addColumn('age_band', 'varchar(50)')
        .addColumn('district', 'varchar(100)')
        /** { [questionId]: value } as JSON. */
        .addColumn('answers_json', 'text', (c) => c.notNull())
        .addColumn('page', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('submitted_at', 'varchar(32)')
        .execute();
      await db.schema.createIndex('survey_responses_by_survey').on('survey_responses').columns(['survey_id', 'submitted_at']).execute();
      await db.schema.createIndex('survey_responses_by_member').on('survey_responses').column('member_id').execute();
      // The secrets in survey links (SHA-256 only); a reminder brings a new one, the old still works.
      await db.schema
        .createTable('survey_tokens')
        .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('response_id', 'integer', (c) => c.notNull().references('survey_responses.id').onDelete('cascade'))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['survey_tokens', 'survey_responses', 'surveys', 'panel_leave_tokens', 'panel_confirmations', 'panel_members']) await db.schema.dropTable(table).execute();
    },
  },
  '0013_budget_tallies': {
    async up(db: Kysely<unknown>) {
      // Running totals of the counted ballots, kept in the transaction that counts a ballot, so
      // results cost a read of a few hundred rows however many residents took part.
      await db.schema.alterTable('budgets').addColumn('participants', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('budgets').addColumn('ballots_sent', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('budgets').addColumn('ballots_confirmed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('budget_districts').addColumn('participants', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      // How many counted ballots give each line each amount (projects: each chosen project its cost).
      await db.schema
        .createTable('budget_tallies')
        .addColumn('item_id', 'integer', (c) => c.notNull().references('budget_items.id').onDelete('cascade'))
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addColumn('votes', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('budget_tallies_pk', ['item_id', 'amount'])
        .execute();
      // Ballots counted before this migration.
      await sql`insert into budget_tallies (item_id, amount, votes)
        select a.item_id, a.amount, count(*) from budget_voters v join budget_allocations a on a.ballot_id = v.counted_ballot_id
        group by a.item_id, a.amount`.execute(db);
      await sql`update budgets set participants =
        (select count(*) from budget_voters v where v.budget_slug = budgets.slug and v.counted_ballot_id is not null)`.execute(db);
      await sql`update budgets set
        ballots_sent = (select count(*) from budget_ballots b join budget_voters v on v.id = b.voter_id where v.budget_slug = budgets.slug),
        ballots_confirmed = (select count(b.confirmed_at) from budget_ballots b join budget_voters v on v.id = b.voter_id where v.budget_slug = budgets.slug)`.execute(db);
      await sql`update budget_districts set participants =
        (select count(*) from budget_voters v join budget_ballots b on b.id = v.counted_ballot_id where b.district_id = budget_districts.id)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('budget_tallies').execute();
      await db.schema.alterTable('budget_districts').dropColumn('participants').execute();
      for (const column of ['ballots_confirmed', 'ballots_sent', 'participants']) await db.schema.alterTable('budgets').dropColumn(column).execute();
    },
  },
  '0014_petition_answer_committee': {
    async up(db: Kysely<unknown>) {
      // The committee (nämnd) that decided a petition's answer, and when a published answer was
      // last corrected (a correction is shown as one, and mailed to nobody).
      await db.schema.alterTable('petitions').addColumn('answer_committee', 'varchar(200)').execute();
      await db.schema.alterTable('petitions').addColumn('answer_corrected_at', 'varchar(32)').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const column of ['answer_corrected_at', 'answer_committee']) await db.schema.alterTable('petitions').dropColumn(column).execute();
    },
  },
  '0015_survey_deadline_author': {
    async up(db: Kysely<unknown>) {
      // A survey's last moment for answers (none: until staff close it), and who wrote it: the
      // author may not approve their own survey. Surveys from before have no author on record.
      await db.schema.alterTable('surveys').addColumn('closes_at', 'varchar(32)').execute();
      await db.schema.alterTable('surveys').addColumn('created_by', 'integer').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const column of ['created_by', 'closes_at']) await db.schema.alterTable('surveys').dropColumn(column).execute();
    },
  },
  '0016_dialogues': {
    async up(db: Kysely<unknown>) {
      // The dialogue register: each dialogue with its owner, its promise (what residents can
      // change, when they hear back), its channels and its outcome, and a dated history.
      const id = (table: string) =>
        db.schema
          .createTable(table)
          .addColumn('id', isPostgres(db) ? 'serial' : 'integer', (c) => (isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement()));
      let dialogues = id('dialogues').addColumn('status', 'varchar(16)', (c) => c.notNull().check(sql`status in ('draft', 'published')`));
      for (const text of ['title', 'question', 'purpose', 'can_change', 'cannot_change', 'outcome_summary', 'outcome_use', 'decision']) {
        dialogues = dialogues.addColumn(`${text}_sv`, 'text', (c) => c.notNull().defaultTo('')).addColumn(`${text}_en`, 'text');
      }
      await dialogues
        .addColumn('question_open', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('decision_makers_open', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('committee', 'varchar(200)', (c) => c.notNull().defaultTo(''))
        .addColumn('administration', 'varchar(200)', (c) => c.notNull().defaultTo(''))
        .addColumn('contact_id', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
        .addColumn('target_groups', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('themes', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('district', 'varchar(100)')
        .addColumn('ladder', 'varchar(16)', (c) => c.check(sql`ladder in ('inform', 'consult', 'dialogue', 'influence', 'co-decide')`))
        .addColumn('planned_start', 'varchar(10)')
        .addColumn('opens_on', 'varchar(10)')
        .addColumn('closes_on', 'varchar(10)')
        .addColumn('decision_expected', 'varchar(10)')
        .addColumn('feedback_by', 'varchar(10)')
        .addColumn('case_number', 'varchar(100)')
        .addColumn('decided_on', 'varchar(10)')
        .addColumn('feedback_published_at', 'varchar(32)')
        // When the contact person was last reminded that the feedback is overdue (once a week).
        .addColumn('overdue_mailed_at', 'varchar(32)')
        .addColumn('published_at', 'varchar(32)')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await id('dialogue_channels')
        .addColumn('dialogue_id', 'integer', (c) => c.notNull().references('dialogues.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(16)', (c) => c.notNull().check(sql`kind in ('petition', 'budget', 'poll', 'survey', 'offline')`))
        // The Medverka process: a petition, poll or survey number, or a budget's slug.
        .addColumn('ref', 'varchar(64)')
        // Offline channels: a meeting, a walk, a stand in the square.
        .addColumn('format', 'varchar(16)', (c) => c.check(sql`format in ('meeting', 'walk', 'stand', 'other')`))
        .addColumn('title', 'varchar(200)')
        .addColumn('held_on', 'varchar(10)')
        .addColumn('place', 'varchar(200)')
        .addColumn('participants', 'integer')
        .addColumn('notes', 'text')
        .addColumn('summary_sv', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('summary_en', 'text')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      // A Medverka process belongs to one dialogue at the most (offline channels have no ref; nulls differ).
      await db.schema.createIndex('dialogue_channels_one_process').on('dialogue_channels').columns(['kind', 'ref']).unique().execute();
      await db.schema.createIndex('dialogue_channels_by_dialogue').on('dialogue_channels').column('dialogue_id').execute();
      await id('dialogue_events')
        .addColumn('dialogue_id', 'integer', (c) => c.notNull().references('dialogues.id').onDelete('cascade'))
        .addColumn('at', 'varchar(32)', (c) => c.notNull())
        .addColumn('kind', 'varchar(32)', (c) => c.notNull())
        .addColumn('detail', 'varchar(300)')
        .execute();
      await db.schema.createIndex('dialogue_events_by_dialogue').on('dialogue_events').columns(['dialogue_id', 'at']).execute();
      // Residents who follow a dialogue (double opt-in); each leaves by the link in every mail.
      await id('dialogue_followers')
        .addColumn('dialogue_id', 'integer', (c) => c.notNull().references('dialogues.id').onDelete('cascade'))
        .addColumn('email', 'varchar(254)', (c) => c.notNull())
        .addColumn('email_key', 'varchar(254)', (c) => c.notNull())
        .addColumn('lang', 'varchar(2)', (c) => c.notNull().check(sql`lang in ('sv', 'en')`))
        .addColumn('confirmed_at', 'varchar(32)')
        .addColumn('leave_token_hash', 'varchar(64)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('dialogue_followers_once', ['dialogue_id', 'email_key'])
        .execute();
      await id('dialogue_follow_links')
        .addColumn('follower_id', 'integer', (c) => c.notNull().references('dialogue_followers.id').onDelete('cascade'))
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('used_at', 'varchar(32)')
        .execute();
      // Who was told of the feedback, once per dialogue whatever the channel: a hash of the
      // dialogue and the canonical address, not the address. Its rating link works once.
      await db.schema
        .createTable('dialogue_notices')
        .addColumn('dialogue_id', 'integer', (c) => c.notNull().references('dialogues.id').onDelete('cascade'))
        .addColumn('who', 'varchar(64)', (c) => c.notNull())
        .addColumn('sent_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('rating_token_hash', 'varchar(64)', (c) => c.unique())
        .addColumn('rated_at', 'varchar(32)')
        .addPrimaryKeyConstraint('dialogue_notices_pk', ['dialogue_id', 'who'])
        .execute();
      // "Do you feel your views were taken into account?", 1–5, with nothing about who answered.
      await id('dialogue_ratings')
        .addColumn('dialogue_id', 'integer', (c) => c.notNull().references('dialogues.id').onDelete('cascade'))
        .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 1 and 5`))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['dialogue_ratings', 'dialogue_notices', 'dialogue_follow_links', 'dialogue_followers', 'dialogue_events', 'dialogue_channels', 'dialogues']) await db.schema.dropTable(table).execute();
    },
  },
};
