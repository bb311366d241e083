import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.js';
import { isPostgres } from '../db/dialect.js';
import type { PetitionStatus } from './rules.js';

/**
 * Full-text search of petitions' titles and texts, on both databases (migration
 * 0006_petition_search): an FTS5 table ranked with bm25 on SQLite, a generated `search`
 * tsvector (Swedish configuration, title weighted A, text B) ranked with ts_rank on PostgreSQL.
 *
 * A resident's text never reaches either query language as such: only its words (runs of
 * letters and digits) are kept, and each is put back as one quoted FTS5 term or one tsquery
 * operand, so quotes, `*`, `:*`, `&|!`, parentheses, AND/OR/NEAR are just absent or plain words.
 */

export interface SearchOptions {
  /** Only petitions with one of these statuses. */
  statuses: readonly PetitionStatus[];
  /** Leave this petition out (the one similar petitions are sought for). */
  excludeId?: number;
  /** 'all': every word must occur, each as a prefix (a search box). 'any': the more shared, the better. */
  mode: 'all' | 'any';
  /** Only petitions sharing at least this many of the searched words (in 'any' mode). */
  minShared?: number;
  limit: number;
}

export interface PetitionHit {
  id: number;
  title: string;
  status: PetitionStatus;
  /** Higher is better; comparable only within one search. */
  score: number;
  /** How many of the searched words (or, on SQLite, their prefixes) this petition contains. */
  shared: number;
}

/** Words as the indexes see them: lower case, letters and digits, composed (å, not a + ring). */
export function searchWords(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Longer than any real word; a longer "word" is noise and would only cost. */
const maxWordLength = 40;

/** A resident's typed words, to search for all of them: at most eight, each cut to a sane length. */
export function queryWords(text: string): string[] {
  return [...new Set(searchWords(text).map((w) => w.slice(0, maxWordLength)))].slice(0, 8);
}

/** What SQLite searches for a word: a longer one loses its ending in 'any' mode (see significantWords). */
const sqlitePrefix = (word: string, mode: 'all' | 'any') => (mode === 'all' || word.length < 6 ? word : word.slice(0, Math.min(6, word.length - 2)));

/**
 * Common Swedish words of four letters or more that say nothing about what a petition is
 * about (PostgreSQL's Swedish configuration drops its own stop words; SQLite has none).
 */
const commonWords = new Set(
  (
    'alla allt andra annat bara blev blir borde bättre både denna denne detta dessa efter eftersom eller ' +
    'finns fler flera från genom hade hans hela helt henne hennes inga inom inte kommer kommun kommunen ' +
    'kunna kunde kanske mellan mest mycket många måste något några också samma sedan sina sitt skall skulle ' +
    'till under utan vara varför vilka vill ville våra vårt väldigt över förslag förslaget behöver behov ' +
    'därför dessutom idag tycker önskar'
  ).split(' '),
);

/**
 * The significant words of a petition, to find others like it: words of four letters or
 * more that are not common, title first, at most 20. SQLite has no Swedish stemmer, so it
 * is given the start of each longer word (two letters off, at most six) as a prefix:
 * "bänkar" finds "bänk" and "bänkarna", "cykelvägar" finds "cykelvägen".
 */
export function significantWords(text: string): string[] {
  const byStart = new Map<string, string>();
  for (const word of searchWords(text)) {
    if (word.length < 4 || word.length > maxWordLength || commonWords.has(word)) continue;
    // One word per start ("belysning", "belysningen"), so both databases count it once.
    const start = sqlitePrefix(word, 'any');
    if (!byStart.has(start)) byStart.set(start, word);
    if (byStart.size === 20) break;
  }
  return [...byStart.values()];
}

/** One FTS5 prefix term: a quoted string (quotes doubled, though words have none) and `*`. */
const fts5Term = (word: string) => `"${word.replace(/"/g, '""')}"*`;

/** One tsquery operand with a prefix marker; words hold only letters and digits, no operators. */
const tsTerm = (word: string) => `${word}:*`;

/** Weights of D, C, B (text) and A (title) for ts_rank: a title word counts five times a text word. */
const tsWeights = '{0.1, 0.2, 0.2, 1.0}';

/**
 * Petitions matching `words`, best first: those sharing more of the words ('any' mode), then
 * by full-text rank (rarer words, and words in the title, count more). Callers pass
 * `queryWords(...)` or `significantWords(...)`; no words find nothing.
 */
export async function searchPetitions(db: Db, searched: readonly string[], options: SearchOptions): Promise<PetitionHit[]> {
  // Whatever a caller passes, only letters and digits reach the query languages, in bounds.
  const words = [...new Set(searched.flatMap(searchWords).map((w) => w.slice(0, maxWordLength)))].slice(0, 20);
  if (words.length === 0 || options.statuses.length === 0) return [];
  const { mode, limit } = options;
  // Every word matches in 'all' mode; only 'any' needs counting which.
  const count = (checks: RawBuilder<unknown>[]) => (mode === 'all' ? sql`${sql.lit(checks.length)}` : sql.join(checks, sql` + `));
  const minShared = mode === 'all' ? 0 : (options.minShared ?? 1);
  const statuses = sql.join(options.statuses.map((s) => sql`${s}`));
  const exclude = options.excludeId === undefined ? sql`` : sql`and p.id <> ${options.excludeId}`;
  let query: RawBuilder<PetitionHit>;
  if (isPostgres(db)) {
    const tsquery = (terms: string[]) => sql`to_tsquery('swedish', ${terms.join(mode === 'all' ? ' & ' : ' | ')})`;
    const terms = words.map(tsTerm);
    const shared = count(terms.map((t) => sql`(p.search @@ to_tsquery('swedish', ${t}))::int`));
    query = sql<PetitionHit>`
      select * from (
        select p.id, p.title, p.status, ts_rank(${tsWeights}::float4[], p.search, q.query) as score, ${shared} as shared
        from petitions p, ${tsquery(terms)} as q(query)
        where p.search @@ q.query and p.status in (${statuses}) ${exclude}
      ) hits
      where shared >= ${minShared}
      order by shared desc, score desc, id desc
      limit ${limit}`;
  } else {
    const terms = [...new Set(words.map((w) => fts5Term(sqlitePrefix(w, mode))))];
    const shared = count(terms.map((t) => sql`(p.id in (select rowid from petitions_fts where petitions_fts match ${t}))`));
    // bm25 is lower for better matches; negated so that higher is better on both databases.
    // Title matches weigh five times text matches.
    query = sql<PetitionHit>`
      select * from (
        select p.id, p.title, p.status, -bm25(petitions_fts, 5.0, 1.0) as score, ${shared} as shared
        from petitions_fts join petitions p on p.id = petitions_fts.rowid
        where petitions_fts match ${terms.join(mode === 'all' ? ' AND ' : ' OR ')} and p.status in (${statuses}) ${exclude}
      ) hits
      where shared >= ${minShared}
      order by shared desc, score desc, id desc
      limit ${limit}`;
  }
  return (await query.execute(db)).rows.map((r) => ({ ...r, score: Number(r.score), shared: Number(r.shared) }));
}
