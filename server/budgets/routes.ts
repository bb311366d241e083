import { backQuery } from '../pages/html.js';
import { z } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import { jsonWithEtag } from '../http.js';
import { errors, json, router, sectionRoutes } from '../openapi.js';
import { requirePow, powSecurity } from '../abuse/proof-of-work.js';
import { rateLimit } from '../abuse/rate-limit.js';
import { refuseEmail } from '../abuse/email-domains.js';
import { ballotConfirmationMail } from './mails.js';
import { BallotInput, BudgetSlug, PublicBudget } from './schemas.js';
import { BallotRuleError, BudgetNotFoundError, BudgetStateError, castBallot, findPublicBudget } from './store.js';
import { summarise, summaryText } from './summary.js';

const route = sectionRoutes('Budgets');
const CheckEmail = z.object({ status: z.literal('check_email') });

/** Participatory budgets as residents see them, and their ballots. */
export function budgetRoutes({ db, config, mailer }: Deps) {
  const app = router();
  const base = config.publicUrl.href.replace(/\/$/, '');
  app.on('POST', '/:slug/ballots', ...[
    rateLimit({ name: 'ballot-writes', burst: { limit: 10, windowSeconds: 60 }, sustained: { limit: 200, windowSeconds: 3600 }, config }),
    requirePow({ db, config }),
  ]);

  app.openapi(
    route({
      method: 'get',
      path: '/{slug}',
      summary: 'A participatory budget: its lines or projects, rule and, once published, its results',
      request: { params: z.object({ slug: BudgetSlug }) },
      responses: { 200: json(PublicBudget, 'The process, with an ETag.'), 304: { description: 'Not modified.' }, ...errors(400, 404) },
    }),
    async (c) => {
      const budget = await findPublicBudget(db, c.req.valid('param').slug);
      if (!budget) throw new ApiError(404, 'budget_not_found', 'There is no public budget with that name.');
      return jsonWithEtag(c, budget) as never;
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/{slug}/ballots',
      summary: 'Send a ballot',
      security: powSecurity,
      description:
        'Checks the ballot against the budget’s rule (a ballot that breaks it gets 400 `ballot_breaks_rule`, with an issue per line saying by how much) and mails a confirmation link. ' +
        'A resident may send new ballots until the process closes; the latest one they confirm is the one that counts.',
      request: { params: z.object({ slug: BudgetSlug }), body: { content: { 'application/json': { schema: BallotInput } }, required: true } },
      responses: { 202: json(CheckEmail, 'Check your e-mail.'), ...errors(400, 404, 409, 413, 429) },
    }),
    async (c) => {
      const { slug } = c.req.valid('param');
      const input = c.req.valid('json');
      refuseEmail(input.email, config);
      let cast;
      try {
        cast = await castBallot(db, slug, input);
      } catch (err) {
        if (err instanceof BudgetNotFoundError) throw new ApiError(404, 'budget_not_found', 'There is no public budget with that name.');
        if (err instanceof BudgetStateError) throw new ApiError(409, 'budget_not_open', 'This budget does not take ballots now.');
        if (err instanceof BallotRuleError) throw new ApiError(400, 'ballot_breaks_rule', 'The ballot breaks the budget’s rule.', err.issues);
        throw err;
      }
      const { budget } = cast;
      const amounts = new Map(budget.mode === 'sliders' ? input.allocations.map((a) => [a.itemId, a.amount]) : input.projects.map((id) => [id, budget.items.find((i) => i.id === id)!.cost]));
      const summarised = summarise(budget, input.districtId, amounts, input.lang);
      await mailer.send(ballotConfirmationMail(input.lang, input.email, summarised.title, `${base}/bekrafta/budget/${cast.token}?lang=${input.lang}${backQuery(config, input.returnTo)}`, summaryText(summarised, input.lang)));
      return c.json({ status: 'check_email' as const }, 202);
    },
  );

  return app;
}
