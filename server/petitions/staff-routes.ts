import { z } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { csvFile, download } from '../csv.js';
import type { Mail } from '../mail/mailer.js';
import { ApiError } from '../errors.js';
import type { AppEnv } from '../http.js';
import { cookieAuth, errors, fileDownload, json, jsonBody, router, sectionRoutes } from '../openapi.js';
import { requireRole } from '../staff/guard.js';
import { audit } from '../staff/store.js';
import { eraseSigner } from './housekeeping.js';
import { petitionTopic } from './live.js';
import { answerMail, moderationMail } from './mails.js';
import { canonicalEmail } from '../mail/addresses.js';
import { petitionStatuses, publicStatuses, type PetitionStatus } from './rules.js';
import { PetitionId } from './schemas.js';
import { searchPetitions, significantWords } from './search.js';
import { NotFoundError, PetitionStateError, correctAnswer, findPetition, movePetition } from './store.js';

const StaffPetition = z
  .object({
    id: z.number().int(),
    title: z.string(),
    body: z.string(),
    status: z.enum(petitionStatuses),
    proposerName: z.string().nullable(),
    proposerEmail: z.string().nullable(),
    rejectionReason: z.string().nullable(),
    threshold: z.number().int(),
    signatureCount: z.number().int(),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
    openedAt: z.string().nullable(),
    closesAt: z.string().nullable(),
    thresholdReachedAt: z.string().nullable(),
    answer: z.string().nullable(),
    answeredAt: z.string().nullable(),
    answerCommittee: z.string().nullable(),
    answerCorrectedAt: z.string().nullable(),
  })
  .openapi('StaffPetition');

type Row = NonNullable<Awaited<ReturnType<typeof findPetition>>>;
const toStaff = (p: Row): z.infer<typeof StaffPetition> => ({
  id: p.id,
  title: p.title,
  body: p.body,
  status: p.status,
  proposerName: p.proposer_name,
  proposerEmail: p.proposer_email,
  rejectionReason: p.rejection_reason,
  threshold: p.threshold,
  signatureCount: p.signature_count,
  createdAt: p.created_at,
  submittedAt: p.submitted_at,
  openedAt: p.opened_at,
  closesAt: p.closes_at,
  thresholdReachedAt: p.threshold_reached_at,
  answer: p.answer,
  answeredAt: p.answered_at,
  answerCommittee: p.answer_committee,
  answerCorrectedAt: p.answer_corrected_at,
});

const Id = z.object({ id: PetitionId });
const PetitionBody = z.object({ petition: StaffPetition });
const route = sectionRoutes('Staff: petitions', cookieAuth);

/** Moderation: moderators and administrators approve, reject, correct, close and answer. */
export function staffPetitionRoutes({ db, config, mailer, live }: Deps) {
  const app = router();
  app.use('/', requireRole('admin', 'moderator'));
  app.use('/*', requireRole('admin', 'moderator'));
  const pageOf = (id: number) => config.petitions.pageUrl.replace('{id}', String(id));
  const actor = (c: { get: (k: 'staff') => AppEnv['Variables']['staff'] }) => ({ id: c.get('staff')!.user.id, email: c.get('staff')!.user.email });

  const move = async (id: number, to: PetitionStatus, changes: Parameters<typeof movePetition>[3] = {}) => {
    try {
      const moved = await movePetition(db, id, to, changes);
      // Pages following the petition see it open, close or get its answer.
      await live.publish(petitionTopic(id));
      return moved;
    } catch (err) {
      if (err instanceof NotFoundError) throw new ApiError(404, 'petition_not_found', 'There is no such petition.');
      if (err instanceof PetitionStateError) throw new ApiError(409, 'wrong_status', `A petition that is ${err.from} cannot become ${err.to}.`);
      throw err;
    }
  };

  app.openapi(
    route({
      method: 'get',
      path: '/',
      summary: 'Petitions for moderation, newest first',
      request: { query: z.object({ status: z.enum(petitionStatuses).optional() }) },
      responses: { 200: json(z.object({ petitions: z.array(StaffPetition) }), 'Petitions.'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const { status } = c.req.valid('query');
      let q = db.selectFrom('petitions').selectAll().orderBy('id', 'desc').limit(500);
      if (status) q = q.where('status', '=', status);
      return c.json({ petitions: (await q.execute()).map(toStaff) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/{id}',
      summary: 'One petition, with similar existing petitions',
      description:
        'Similar: at most five other petitions, open, closed, answered or awaiting moderation (never drafts or rejected ones), sharing at least two of the significant words of this one’s title and text (four letters or more, common words left out, at most 20). Found by full-text search; best first: those sharing the most words, then by full-text rank (rarer words and words in the title count more). `sharedWords`: how many of those words each contains (matched by Swedish word stem on PostgreSQL, by word start on SQLite).',
      request: { params: Id },
      responses: {
        200: json(z.object({ petition: StaffPetition, similar: z.array(z.object({ id: z.number().int(), title: z.string(), status: z.enum(petitionStatuses), sharedWords: z.number().int() })) }), 'The petition.'),
        ...errors(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const petition = await findPetition(db, c.req.valid('param').id);
      if (!petition) throw new ApiError(404, 'petition_not_found', 'There is no such petition.');
      // Duplicates are worth spotting among the published and those waiting beside this one.
      const hits = await searchPetitions(db, significantWords(`${petition.title} ${petition.body}`), {
        statuses: [...publicStatuses, 'awaiting_moderation'],
        excludeId: petition.id,
        mode: 'any',
        minShared: 2,
        limit: 5,
      });
      const similar = hits.map((h) => ({ id: h.id, title: h.title, status: h.status, sharedWords: h.shared }));
      return c.json({ petition: toStaff(petition), similar }, 200);
    },
  );

  app.openapi(
    route({
      method: 'patch',
      path: '/{id}',
      summary: 'Correct a petition’s title or text (typos), before it is answered',
      description: 'Only the fields sent change; an empty object changes nothing and answers with the petition as it is.',
      request: { params: Id, ...jsonBody(z.object({ title: z.string().trim().min(5).max(150).optional(), body: z.string().trim().min(20).max(5000).optional() }).strict()) },
      responses: { 200: json(PetitionBody, 'Corrected.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const change = c.req.valid('json');
      const petition = await findPetition(db, id);
      if (!petition) throw new ApiError(404, 'petition_not_found', 'There is no such petition.');
      if (!['awaiting_moderation', 'open'].includes(petition.status)) throw new ApiError(409, 'wrong_status', 'Only petitions in moderation or open can be corrected.');
      // Nothing to set is a correction of nothing (an UPDATE needs something to set).
      if (Object.keys(change).length === 0) return c.json({ petition: toStaff(petition) }, 200);
      await db.updateTable('petitions').set(change).where('id', '=', id).execute();
      await audit(db, actor(c), 'petition.correct', `petition ${id}`, { before: { title: petition.title, body: petition.body }, after: change });
      return c.json({ petition: toStaff((await findPetition(db, id))!) }, 200);
    },
  );

  app.openapi(
    route({ method: 'post', path: '/{id}/approve', summary: 'Publish a petition for signing', request: { params: Id }, responses: { 200: json(PetitionBody, 'Open.'), ...errors(400, 401, 403, 404, 409, 415) } }),
    async (c) => {
      const { id } = c.req.valid('param');
      const petition = await move(id, 'open', { openMonths: config.petitions.openMonths });
      await audit(db, actor(c), 'petition.approve', `petition ${id}`);
      if (petition.proposer_email) {
        const published = { published: true as const, link: pageOf(id), threshold: petition.threshold, closesAt: petition.closes_at!, timeZone: config.chatHours.timeZone };
        await mailer.send(moderationMail(petition.lang, petition.proposer_email, petition.title, published));
      }
      return c.json({ petition: toStaff(petition) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/{id}/reject',
      summary: 'Reject a petition, with a reason the proposer is told',
      request: { params: Id, ...jsonBody(z.object({ reason: z.string().trim().min(10, 'say why, in at least 10 characters').max(2000) }).strict()) },
      responses: { 200: json(PetitionBody, 'Rejected.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { reason } = c.req.valid('json');
      const petition = await move(id, 'rejected', { rejection_reason: reason });
      await audit(db, actor(c), 'petition.reject', `petition ${id}`, { reason });
      if (petition.proposer_email) await mailer.send(moderationMail(petition.lang, petition.proposer_email, petition.title, { published: false, reason }));
      return c.json({ petition: toStaff(petition) }, 200);
    },
  );

  app.openapi(
    route({ method: 'post', path: '/{id}/close', summary: 'Close a petition for signatures', request: { params: Id }, responses: { 200: json(PetitionBody, 'Closed.'), ...errors(400, 401, 403, 404, 409, 415) } }),
    async (c) => {
      const { id } = c.req.valid('param');
      const petition = await move(id, 'closed');
      await audit(db, actor(c), 'petition.close', `petition ${id}`);
      return c.json({ petition: toStaff(petition) }, 200);
    },
  );

  /** The mails an answer sends: one per mailbox, in the language its owner wrote in (the proposer's first). */
  const answerMails = async (petition: Row, answer: string, committee: string | null): Promise<(Mail & { lang: 'sv' | 'en' })[]> => {
    const signers = await db
      .selectFrom('signatures')
      .select(['email', 'lang'])
      .where('petition_id', '=', petition.id)
      .where('hear_back', '=', 1)
      .where('confirmed_at', 'is not', null)
      .where('email', 'is not', null)
      .execute();
    const recipients = new Map<string, { to: string; lang: 'sv' | 'en' }>();
    for (const r of [{ email: petition.proposer_email, lang: petition.lang }, ...signers]) {
      if (r.email && !recipients.has(canonicalEmail(r.email))) recipients.set(canonicalEmail(r.email), { to: r.email, lang: r.lang });
    }
    return [...recipients.values()].map(({ to, lang }) => ({ ...answerMail(lang, to, petition.title, answer, pageOf(petition.id), committee), lang }));
  };

  const AnswerInput = z
    .object({
      answer: z.string().trim().min(10).max(10000),
      committee: z.string().trim().min(2).max(200).optional().openapi({ description: 'The committee (nämnd) that decided the answer, e.g. “Tekniska nämnden”.' }),
    })
    .strict();

  app.openapi(
    route({
      method: 'post',
      path: '/{id}/answer/preview',
      summary: 'See the mails an answer would send, before publishing it',
      description: 'Sends nothing and changes nothing. One mail per language the recipients wrote in, with how many get it; no addresses.',
      request: { params: Id, ...jsonBody(AnswerInput) },
      responses: {
        200: json(
          z.object({
            recipients: z.number().int(),
            mails: z.array(z.object({ lang: z.enum(['sv', 'en']), recipients: z.number().int(), subject: z.string(), text: z.string() })),
          }),
          'What would be mailed.',
        ),
        ...errors(400, 401, 403, 404, 409, 415),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { answer, committee } = c.req.valid('json');
      const petition = await findPetition(db, id);
      if (!petition) throw new ApiError(404, 'petition_not_found', 'There is no such petition.');
      if (!['open', 'closed'].includes(petition.status)) throw new ApiError(409, 'wrong_status', `A petition that is ${petition.status} cannot be answered.`);
      const mails = await answerMails(petition, answer, committee ?? null);
      const byLang = (['sv', 'en'] as const).flatMap((lang) => {
        const these = mails.filter((m) => m.lang === lang);
        return these.length ? [{ lang, recipients: these.length, subject: these[0]!.subject, text: these[0]!.text }] : [];
      });
      return c.json({ recipients: mails.length, mails: byLang }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/{id}/answer',
      summary: 'Publish the municipality’s answer',
      description:
        'The answer, with the committee that decided it and the date, is shown with the petition and mailed to the proposer and to every signer who asked to hear back. See the mails first with …/answer/preview; correct a published answer with PATCH …/answer.',
      request: { params: Id, ...jsonBody(AnswerInput) },
      responses: { 200: json(PetitionBody.extend({ mailed: z.number().int() }), 'Answered.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { answer, committee } = c.req.valid('json');
      const petition = await move(id, 'answered', { answer, answer_committee: committee ?? null });
      await audit(db, actor(c), 'petition.answer', `petition ${id}`);
      const mails = await answerMails(petition, answer, committee ?? null);
      for (const { lang: _lang, ...mail } of mails) await mailer.send(mail);
      return c.json({ petition: toStaff(petition), mailed: mails.length }, 200);
    },
  );

  app.openapi(
    route({
      method: 'patch',
      path: '/{id}/answer',
      summary: 'Correct a published answer (a typo, a wrong committee)',
      description:
        'Only the fields sent change; the petition then shows the answer as corrected, with the date (`answerCorrectedAt`). Nobody is mailed again. An empty object, or values as they are, change nothing.',
      request: {
        params: Id,
        ...jsonBody(
          z
            .object({ answer: z.string().trim().min(10).max(10000).optional(), committee: z.string().trim().min(2).max(200).optional() })
            .strict(),
        ),
      },
      responses: { 200: json(PetitionBody, 'Corrected, or as it was.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const change = c.req.valid('json');
      let result;
      try {
        result = await correctAnswer(db, id, change);
      } catch (err) {
        if (err instanceof NotFoundError) throw new ApiError(404, 'petition_not_found', 'There is no such petition.');
        if (err instanceof PetitionStateError) throw new ApiError(409, 'wrong_status', 'Only an answered petition’s answer can be corrected.');
        throw err;
      }
      if (result.changed) {
        await audit(db, actor(c), 'petition.correct-answer', `petition ${id}`, { before: result.before, after: change });
        await live.publish(petitionTopic(id));
      }
      return c.json({ petition: toStaff(result.petition) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/erase-signer',
      summary: 'Erase a signer’s personal data on request',
      description: 'Every signature by this mailbox (however spelled) loses its name and address; the signatures still count.',
      request: jsonBody(z.object({ email: z.string().trim().min(3).max(254) }).strict()),
      responses: { 200: json(z.object({ erased: z.number().int() }), 'How many signatures were erased.'), ...errors(400, 401, 403, 415) },
    }),
    async (c) => {
      const erased = await eraseSigner(db, c.req.valid('json').email);
      // The log keeps that an erasure happened and how much, not whose.
      await audit(db, actor(c), 'petition.erase-signer', null, { erased });
      return c.json({ erased }, 200);
    },
  );

  app.openAPIRegistry.registerPath(
    route({ method: 'get', path: '/{id}/signatures.csv', summary: 'The confirmed signatures, as CSV', request: { params: Id }, responses: { 200: fileDownload('text/csv', 'One row per confirmed signature.'), ...errors(401, 403, 404) } }),
  );
  app.get('/:id{[1-9][0-9]{0,9}}/signatures.csv', async (c) => {
    const id = Number(c.req.param('id'));
    const rows = await db
      .selectFrom('signatures')
      .select(['confirmed_at', 'name', 'email', 'connection', 'connection_text', 'show_name', 'hear_back'])
      .where('petition_id', '=', id)
      .where('confirmed_at', 'is not', null)
      .orderBy('confirmed_at')
      .execute();
    await audit(db, actor(c), 'petition.export-signatures', `petition ${id}`, { rows: rows.length });
    const header = ['confirmed_at', 'name', 'email', 'connection', 'connection_text', 'show_name', 'hear_back'];
    const lines = [header, ...rows.map((r) => [r.confirmed_at, r.name, r.email, r.connection, r.connection_text, r.show_name, r.hear_back])];
    return download(c, `underskrifter-${id}.csv`, 'text/csv; charset=utf-8', csvFile(lines));
  });

  return app;
}
