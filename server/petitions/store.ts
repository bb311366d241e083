import { sql, type Transaction } from 'kysely';
import { isPostgres } from '../db/dialect.js';
import type { Database, Db } from '../db/index.js';
import type { PetitionTable } from '../db/schema.js';
import { ConfirmationError, MailedLinks, usable, whyUnusable } from '../verify/links.js';
import { hashToken } from '../verify/tokens.js';
import { canonicalEmail } from '../mail/addresses.js';
import { canMove, closingDate, confirmationGraceHours, type PetitionStatus } from './rules.js';
import type { ProposalInput, SignatureInput } from './schemas.js';

type Conn = Db | Transaction<Database>;

export { ConfirmationError };

export class PetitionStateError extends Error {
  constructor(
    readonly from: PetitionStatus,
    readonly to: PetitionStatus,
  ) {
    super(`a petition that is ${from} cannot become ${to}`);
  }
}

export class NotOpenError extends Error {}
export class NotFoundError extends Error {}


/** How long a confirmation link works. */
export const linkLifetimeHours = { proposal: 7 * 24, signature: 3 * 24 } as const;

/** The proposer's and the signers' links: one table, told apart by purpose. */
const links = {
  proposal: new MailedLinks('confirmations', linkLifetimeHours.proposal, { purpose: 'proposal' as const }),
  signature: new MailedLinks('confirmations', linkLifetimeHours.signature, { purpose: 'signature' as const }),
};

/** What is stored of a proposal: the acceptance and the page it came from are the route's. */
type Proposal = Omit<ProposalInput, 'publicDocumentAccepted' | 'returnTo'>;

/** A resident writes a petition: it stays a draft until they confirm by the mailed link. */
export async function proposePetition(db: Db, proposal: Proposal, threshold: number, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const petition = await trx
      .insertInto('petitions')
      .values({
        title: proposal.title,
        body: proposal.body,
        proposer_name: proposal.name,
        proposer_email: proposal.email.trim(),
        status: 'draft',
        rejection_reason: null,
        threshold,
        created_at: now.toISOString(),
        submitted_at: null,
        opened_at: null,
        closes_at: null,
        closed_at: null,
        answer: null,
        answered_at: null,
        answer_committee: null,
        answer_corrected_at: null,
        threshold_reached_at: null,
        anonymised_at: null,
        lang: proposal.lang ?? 'sv',
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    const token = await links.proposal.issue(trx, { petition_id: petition.id, signature_id: null }, now);
    return { petitionId: petition.id, token };
  });
}

/** The proposer's link: the draft goes to moderation. Clicking it again changes nothing. */
export async function confirmProposal(db: Db, token: string, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const confirmation = await links.proposal.use(trx, token, now);
    await trx
      .updateTable('petitions')
      .set({ status: 'awaiting_moderation', submitted_at: now.toISOString() })
      .where('id', '=', confirmation.petition_id)
      .where('status', '=', 'draft')
      .execute();
    return confirmation.petition_id;
  });
}

export async function findPetition(db: Conn, id: number) {
  return db.selectFrom('petitions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a petition to its next status, refusing steps its life does not have. */
export async function movePetition(
  db: Db,
  id: number,
  to: PetitionStatus,
  changes: Partial<Pick<PetitionTable, 'rejection_reason' | 'answer' | 'answer_committee'>> & { openMonths?: number } = {},
  now = new Date(),
) {
  return db.transaction().execute(async (trx) => {
    const petition = await findPetition(trx, id);
    if (!petition) throw new NotFoundError(String(id));
    if (!canMove(petition.status, to)) throw new PetitionStateError(petition.status, to);
    const at = now.toISOString();
    await trx
      .updateTable('petitions')
      .set({
        status: to,
        ...(to === 'open' ? { opened_at: at, closes_at: closingDate(now, changes.openMonths ?? 6).toISOString() } : {}),
        ...(to === 'closed' ? { closed_at: at } : {}),
        ...(to === 'rejected' ? { rejection_reason: changes.rejection_reason ?? null } : {}),
        ...(to === 'answered' ? { answer: changes.answer ?? null, answer_committee: changes.answer_committee ?? null, answered_at: at, closed_at: petition.closed_at ?? at } : {}),
      })
      .where('id', '=', id)
      .where('status', '=', petition.status)
      .execute();
    return (await findPetition(trx, id))!;
  });
}

/** What signing gives the route: the link's secret, and what the mail says. */
export interface Signed {
  signatureId: number;
  token: string;
  alreadyConfirmed: boolean;
  title: string;
}

/** What a confirmed signature's link gives the page: the count, and whether staff are to hear. */
export interface Counted {
  petitionId: number;
  title: string;
  counted: boolean;
  signatureCount: number;
  threshold: number;
  thresholdReached: boolean;
}

type CountRow = Pick<PetitionTable, 'title' | 'threshold' | 'threshold_reached_at'> & { id: number; signature_count: number };

/** A link whose signature already counted: the page shows the count as it is. */
const alreadyCounted = (petition: CountRow): Counted => ({
  petitionId: petition.id,
  title: petition.title,
  counted: false,
  signatureCount: petition.signature_count,
  threshold: petition.threshold,
  thresholdReached: false,
});

/**
 * The petition as the confirmation that raised its count left it. Counts rise one at a time
 * under the row lock, so exactly one confirmation crosses the threshold and notes it at `at`.
 */
function newlyCounted(petition: CountRow, at: string): Counted {
  const crossed = petition.signature_count - 1 < petition.threshold && petition.signature_count >= petition.threshold;
  return { ...alreadyCounted(petition), counted: true, thresholdReached: crossed && petition.threshold_reached_at === at };
}

const signatureDetails = (input: SignatureInput) => ({
  name: input.name,
  show_name: input.showName ? 1 : 0,
  hear_back: input.hearBack ? 1 : 0,
  connection: input.connection,
  connection_text: input.connection === 'other' ? (input.connectionText ?? null) : null,
  lang: input.lang ?? 'sv',
});

/**
 * A resident signs: the signature waits for its e-mail confirmation. Signing again with
 * the same mailbox (however spelled) gives a fresh link for the one signature there is.
 */
export async function signPetition(db: Db, petitionId: number, input: SignatureInput, now = new Date()): Promise<Signed> {
  if (isPostgres(db)) return signPetitionInOneStatement(db, petitionId, input, now);
  const petition = await findPetition(db, petitionId);
  if (!petition) throw new NotFoundError(String(petitionId));
  if (petition.status !== 'open' || (petition.closes_at && petition.closes_at <= now.toISOString())) throw new NotOpenError(String(petitionId));
  const email = canonicalEmail(input.email);
  const details = signatureDetails(input);
  return db.transaction().execute(async (trx) => {
    // Insert-if-absent: when the same mailbox signs twice at once, the database lets one
    // insert through and the other waits for it and then finds its row; no error, no retry.
    const inserted = await trx
      .insertInto('signatures')
      .values({ ...details, petition_id: petitionId, email, created_at: now.toISOString(), confirmed_at: null, anonymised_at: null })
      .onConflict((oc) => oc.columns(['petition_id', 'email']).doNothing())
      .returning(['id'])
      .executeTakeFirst();
    let signatureId: number;
    let alreadyConfirmed = false;
    if (inserted) {
      signatureId = inserted.id;
    } else {
      const existing = await trx
        .selectFrom('signatures')
        .select(['id', 'confirmed_at'])
        .where('petition_id', '=', petitionId)
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      signatureId = existing.id;
      alreadyConfirmed = Boolean(existing.confirmed_at);
      // Until confirmed, the latest details win; a confirmed signature is left as it was.
      if (!alreadyConfirmed) await trx.updateTable('signatures').set(details).where('id', '=', existing.id).execute();
    }
    const token = await links.signature.issue(trx, { petition_id: petitionId, signature_id: signatureId }, now);
    return { signatureId, token, alreadyConfirmed, title: petition.title };
  });
}

/**
 * Whether a petition's row still takes confirmed signatures at `now` (see
 * confirmationGraceHours): open, or closed on or after its closing date (by the timetable,
 * not early by staff), and less than the grace period past its closing date. Answered never.
 * One SQL condition for both databases' paths, checked on the row the count is raised on.
 */
function takesConfirmations(now: Date) {
  const cutoff = new Date(now.getTime() - confirmationGraceHours * 3_600_000).toISOString();
  return sql<boolean>`(status = 'open' or (status = 'closed' and closed_at >= closes_at)) and (closes_at is null or closes_at > ${cutoff})`;
}

/**
 * The signer's link: the signature counts, once. The count is raised in the same
 * transaction that marks the signature confirmed, so it never drifts. A petition that no
 * longer takes confirmations (see takesConfirmations) refuses with ConfirmationError
 * 'closed' and nothing changes: the link stays unused, the signature unconfirmed. A link
 * for a signature that already counted says so whatever the petition's state.
 */
export async function confirmSignature(db: Db, token: string, now = new Date()): Promise<Counted> {
  if (isPostgres(db)) return confirmSignatureInOneStatement(db, token, now);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const confirmation = await links.signature.use(trx, token, now);
    const counted = await trx
      .updateTable('signatures')
      .set({ confirmed_at: at })
      .where('id', '=', confirmation.signature_id!)
      .where('confirmed_at', 'is', null)
      .executeTakeFirst();
    if (Number(counted.numUpdatedRows) !== 1) return alreadyCounted((await findPetition(trx, confirmation.petition_id))!);
    // The petition's row is locked from this update until commit, and every confirmation of
    // the petition waits for it: so it is the last statement, and one statement, raising the
    // count and noting the threshold the first time it is reached.
    const petition = await trx
      .updateTable('petitions')
      .set((eb) => ({
        signature_count: eb('signature_count', '+', 1),
        threshold_reached_at: eb
          .case()
          .when(eb.and([eb('threshold_reached_at', 'is', null), eb(eb('signature_count', '+', 1), '>=', eb.ref('threshold'))]))
          .then(at)
          .else(eb.ref('threshold_reached_at'))
          .end(),
      }))
      .where('id', '=', confirmation.petition_id)
      .where(takesConfirmations(now))
      .returning(['id', 'title', 'signature_count', 'threshold', 'threshold_reached_at'])
      .executeTakeFirst();
    // Thrown inside the transaction, so the link and the signature are left as they were.
    if (!petition) throw new ConfirmationError('closed');
    return newlyCounted(petition, at);
  });
}

/*
 * PostgreSQL: signing and confirming as one statement each.
 *
 * Each statement sent to PostgreSQL costs the server a round trip (a write to the socket, a
 * wake-up, a read), and on a machine it shares with PostgreSQL that was what held signing
 * back: profiled, a quarter of the server's time went to writing queries, and a signature
 * took twelve statements. Data-modifying CTEs do the same work in one statement, which
 * PostgreSQL runs as one transaction: submit is one (with the proof of work's, two) and
 * confirm one. SQLite has no data-modifying CTEs, but its statements are calls in the same
 * process, so it keeps the transactions above. The tests run both against the same cases.
 */

async function signPetitionInOneStatement(db: Db, petitionId: number, input: SignatureInput, now: Date): Promise<Signed> {
  const at = now.toISOString();
  const d = signatureDetails(input);
  const { token, hash, expiresAt: expires } = links.signature.fresh(now);
  // Insert-if-absent as an upsert: when the same mailbox signs twice at once, PostgreSQL lets
  // one insert through and the other updates that row; until confirmed the latest details
  // win, a confirmed signature keeps its own. Either way the row comes back for its link.
  const keep = (column: string) => sql.raw(`${column} = case when signatures.confirmed_at is null then excluded.${column} else signatures.${column} end`);
  const { rows } = await sql<{ title: string; signature_id: number | null; confirmed_at: string | null }>`
    with petition as (
      select id, title, status, closes_at from petitions where id = ${petitionId}
    ), signed as (
      insert into signatures (petition_id, email, name, show_name, hear_back, connection, connection_text, lang, created_at, confirmed_at, anonymised_at)
      select id, ${canonicalEmail(input.email)}, ${d.name}, ${d.show_name}, ${d.hear_back}, ${d.connection}, ${d.connection_text}, ${d.lang}, ${at}, null, null
      from petition where status = 'open' and (closes_at is null or closes_at > ${at})
      on conflict (petition_id, email) do update set
        ${keep('name')}, ${keep('show_name')}, ${keep('hear_back')}, ${keep('connection')}, ${keep('connection_text')}, ${keep('lang')}
      returning id, petition_id, confirmed_at
    ), link as (
      insert into confirmations (token_hash, purpose, petition_id, signature_id, expires_at, used_at)
      select ${hash}, 'signature', petition_id, id, ${expires}, null from signed
    )
    select petition.title, signed.id as signature_id, signed.confirmed_at
    from petition left join signed on true`.execute(db);
  const row = rows[0];
  if (!row) throw new NotFoundError(String(petitionId));
  if (row.signature_id === null) throw new NotOpenError(String(petitionId));
  return { signatureId: row.signature_id, token, alreadyConfirmed: row.confirmed_at !== null, title: row.title };
}

async function confirmSignatureInOneStatement(db: Db, token: string, now: Date): Promise<Counted> {
  const at = now.toISOString();
  const hash = hashToken(token);
  // The link is used, the signature marked and the count raised in one statement, so in one
  // transaction: the count never drifts, and a second click finds the link used. The
  // petition's row is locked first, and only for that statement: a row staff close or answer
  // meanwhile is read as they left it (a locking read waits for them and sees their change),
  // so the link is used only while the petition takes confirmations.
  const { rows } = await sql<{ petition_id: number; id: number | null; title: string; signature_count: number; threshold: number; threshold_reached_at: string | null }>`
    with petition as materialized (
      select id from petitions
      where id = (select petition_id from confirmations where token_hash = ${hash} and purpose = 'signature') and ${takesConfirmations(now)}
      for no key update
    ), used as (
      update confirmations set used_at = ${at}
      where token_hash = ${hash} and purpose = 'signature' and used_at is null and expires_at > ${at}
        and petition_id in (select id from petition)
      returning petition_id, signature_id
    ), counted as (
      update signatures set confirmed_at = ${at}
      where id = (select signature_id from used) and confirmed_at is null
      returning petition_id
    ), raised as (
      update petitions set
        signature_count = signature_count + 1,
        threshold_reached_at = case when threshold_reached_at is null and signature_count + 1 >= threshold then ${at} else threshold_reached_at end
      where id = (select petition_id from counted)
      returning id, title, signature_count, threshold, threshold_reached_at
    )
    select used.petition_id, raised.id, raised.title, raised.signature_count, raised.threshold, raised.threshold_reached_at
    from used left join raised on true`.execute(db);
  const row = rows[0];
  if (!row) return refusedConfirmation(db, token, now);
  // Nothing raised: the link was a fresh one for a signature that already counted.
  if (row.id === null) return alreadyCounted((await findPetition(db, row.petition_id))!);
  return newlyCounted({ ...row, id: row.id }, at);
}

/**
 * Why a link was not used on PostgreSQL: never issued, used or expired; or its petition no
 * longer takes confirmations, when a signature that already counted still says so.
 */
async function refusedConfirmation(db: Db, token: string, now: Date): Promise<Counted> {
  const link = await db
    .selectFrom('confirmations')
    .innerJoin('signatures', 'signatures.id', 'confirmations.signature_id')
    .select(['confirmations.used_at', 'confirmations.expires_at', 'confirmations.petition_id', 'signatures.confirmed_at'])
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', 'signature')
    .executeTakeFirst();
  if (!link || !usable(link, now)) throw whyUnusable(link);
  if (link.confirmed_at) return alreadyCounted((await findPetition(db, link.petition_id))!);
  throw new ConfirmationError('closed');
}

/**
 * Corrects a published answer (a typo, a wrong committee): only an answered petition, only
 * the fields given that differ, noting when. Nobody is mailed again. Returns the petition,
 * and whether anything changed.
 */
export async function correctAnswer(db: Db, id: number, change: { answer?: string; committee?: string | null }, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const petition = await findPetition(trx, id);
    if (!petition) throw new NotFoundError(String(id));
    if (petition.status !== 'answered') throw new PetitionStateError(petition.status, 'answered');
    const set: Partial<Pick<PetitionTable, 'answer' | 'answer_committee'>> = {};
    if (change.answer !== undefined && change.answer !== petition.answer) set.answer = change.answer;
    if (change.committee !== undefined && change.committee !== petition.answer_committee) set.answer_committee = change.committee;
    // Nothing that differs is a correction of nothing (and an UPDATE needs something to set).
    if (Object.keys(set).length === 0) return { petition, changed: false };
    await trx.updateTable('petitions').set({ ...set, answer_corrected_at: now.toISOString() }).where('id', '=', id).where('status', '=', 'answered').execute();
    return { petition: (await findPetition(trx, id))!, changed: true, before: { answer: petition.answer, committee: petition.answer_committee } };
  });
}
