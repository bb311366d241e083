import { z } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { download } from '../csv.js';
import { ApiError } from '../errors.js';
import type { AppEnv } from '../http.js';
import { cookieAuth, errors, fileDownload, json, jsonBody, router, sectionRoutes } from '../openapi.js';
import { requireRole } from '../staff/guard.js';
import { audit } from '../staff/store.js';
import { ballotsCsv, pabulib, resultsCsv } from './export.js';
import { BudgetInput, BudgetResults, BudgetSlug, PublicBudget, StaffBudget, StaffBudgetSummary } from './schemas.js';
import {
  BudgetExistsError,
  BudgetNotFoundError,
  BudgetStateError,
  computeResults,
  findPublicBudget,
  findStaffBudget,
  moveBudget,
  publishBudget,
  saveBudget,
  updateBudget,
} from './store.js';

const Slug = z.object({ slug: BudgetSlug });
const BudgetBody = z.object({ budget: StaffBudget });
const route = sectionRoutes('Staff: budgets', cookieAuth);

/** Staff create processes, open and close them, publish results, and export ballots. */
export function staffBudgetRoutes({ db, config }: Deps) {
  const app = router();
  app.use('/', requireRole('admin', 'moderator'));
  app.use('/*', requireRole('admin', 'moderator'));
  const actor = (c: { get: (k: 'staff') => AppEnv['Variables']['staff'] }) => ({ id: c.get('staff')!.user.id, email: c.get('staff')!.user.email });

  const load = async (slug: string): Promise<StaffBudget> => {
    const staff = await findStaffBudget(db, slug);
    if (!staff) throw new ApiError(404, 'budget_not_found', 'There is no budget with that name.');
    const { row } = staff;
    // A draft is built as residents will see it once open.
    const pub = (await findPublicBudget(db, slug, { includeDraft: true }))!;
    return {
      ...pub,
      status: row.status,
      results: row.status === 'published' ? pub.results : null,
      createdAt: row.created_at,
      openedAt: row.opened_at,
      closedAt: row.closed_at,
      publishedAt: row.published_at,
      ballotsSent: staff.ballotsSent,
      ballotsConfirmed: staff.ballotsConfirmed,
      participants: staff.participants,
    };
  };
  const refuse = (err: unknown): never => {
    if (err instanceof BudgetNotFoundError) throw new ApiError(404, 'budget_not_found', 'There is no budget with that name.');
    if (err instanceof BudgetExistsError) throw new ApiError(409, 'budget_exists', 'There is already a budget with that name.', [{ path: 'slug', message: 'is taken' }]);
    if (err instanceof BudgetStateError) {
      const what = err.to === 'edited' ? 'changed that way (once open, only texts, images and the closing time may change)' : `made ${err.to}`;
      throw new ApiError(409, 'wrong_status', `A budget that is ${err.from} cannot be ${what}.`);
    }
    throw err;
  };

  app.openapi(
    route({ method: 'get', path: '/', summary: 'All budget processes', responses: { 200: json(z.object({ budgets: z.array(StaffBudgetSummary) }), 'Newest first.'), ...errors(401, 403) } }),
    async (c) => {
      const rows = await db
        .selectFrom('budgets')
        .select(['slug', 'title_sv', 'title_en', 'mode', 'status', 'total', 'participants'])
        .orderBy('created_at', 'desc')
        .execute();
      return c.json(
        { budgets: rows.map((r) => ({ slug: r.slug, title: { sv: r.title_sv, en: r.title_en }, mode: r.mode, status: r.status, total: r.total, participants: Number(r.participants) })) },
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/',
      summary: 'Create a budget process (a draft)',
      request: jsonBody(BudgetInput),
      responses: { 201: json(BudgetBody, 'Created.'), ...errors(400, 401, 403, 409, 415) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      checkShape(input);
      await saveBudget(db, input).catch(refuse);
      await audit(db, actor(c), 'budget.create', `budget ${input.slug}`);
      return c.json({ budget: await load(input.slug) }, 201);
    },
  );

  app.openapi(
    route({ method: 'get', path: '/{slug}', summary: 'One budget process', request: { params: Slug }, responses: { 200: json(BudgetBody, 'The process.'), ...errors(400, 401, 403, 404) } }),
    async (c) => c.json({ budget: await load(c.req.valid('param').slug) }, 200),
  );

  app.openapi(
    route({
      method: 'put',
      path: '/{slug}',
      summary: 'Change a budget process',
      description: 'A draft may change in every way. Once open, only texts, images and the closing time: residents’ ballots refer to its lines and amounts.',
      request: { params: Slug, ...jsonBody(BudgetInput) },
      responses: { 200: json(BudgetBody, 'Saved.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { slug } = c.req.valid('param');
      const input = c.req.valid('json');
      if (input.slug !== slug) throw new ApiError(400, 'invalid_request', 'A budget’s name cannot change.', [{ path: 'slug', message: `must be ${slug}` }]);
      checkShape(input);
      await updateBudget(db, slug, input).catch(refuse);
      await audit(db, actor(c), 'budget.update', `budget ${slug}`);
      return c.json({ budget: await load(slug) }, 200);
    },
  );

  for (const to of ['open', 'close'] as const) {
    app.openapi(
      route({
        method: 'post',
        path: `/{slug}/${to}`,
        summary: to === 'open' ? 'Open a process for ballots' : 'Close a process',
        request: { params: Slug },
        responses: { 200: json(BudgetBody, to === 'open' ? 'Open.' : 'Closed.'), ...errors(400, 401, 403, 404, 409, 415) },
      }),
      async (c) => {
        const { slug } = c.req.valid('param');
        await moveBudget(db, slug, to === 'open' ? 'open' : 'closed').catch(refuse);
        await audit(db, actor(c), `budget.${to}`, `budget ${slug}`);
        return c.json({ budget: await load(slug) }, 200);
      },
    );
  }

  app.openapi(
    route({
      method: 'get',
      path: '/{slug}/preview',
      summary: 'A process as residents will see it, drafts too, for the console’s preview',
      request: { params: Slug },
      responses: { 200: json(PublicBudget, 'As GET /api/budgets/{slug} would give it once open.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const budget = await findPublicBudget(db, c.req.valid('param').slug, { includeDraft: true });
      if (!budget) throw new ApiError(404, 'budget_not_found', 'There is no budget with that name.');
      return c.json(budget, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/{slug}/results',
      summary: 'The results so far (before they are published, too)',
      request: { params: Slug },
      responses: { 200: json(z.object({ results: BudgetResults }), 'Computed now.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { slug } = c.req.valid('param');
      if (!(await db.selectFrom('budgets').select('slug').where('slug', '=', slug).executeTakeFirst())) throw new ApiError(404, 'budget_not_found', 'There is no budget with that name.');
      return c.json({ results: await computeResults(db, slug) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/{slug}/publish',
      summary: 'Publish the results of a closed process, with the municipality’s decision',
      request: {
        params: Slug,
        ...jsonBody(
          z
            .object({
              decision: z.object({ sv: z.string().trim().min(10, 'say what was decided, in at least 10 characters').max(10000), en: z.string().trim().max(10000).nullable().default(null) }),
              selected: z.array(z.number().int().positive()).max(200).default([]).openapi({ description: 'Projects: the ones the municipality funds.' }),
            })
            .strict(),
        ),
      },
      responses: { 200: json(BudgetBody, 'Published.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { slug } = c.req.valid('param');
      const body = c.req.valid('json');
      const current = await load(slug);
      const unknown = body.selected.filter((id) => !current.items.some((i) => i.id === id));
      if (unknown.length) throw new ApiError(400, 'invalid_request', 'Some chosen projects are not in this budget.', unknown.map((id) => ({ path: 'selected', message: `no project ${id}` })));
      await publishBudget(db, slug, body).catch(refuse);
      await audit(db, actor(c), 'budget.publish', `budget ${slug}`);
      return c.json({ budget: await load(slug) }, 200);
    },
  );

  const slugParam = '{[a-z0-9][a-z0-9-]{0,63}}';
  app.openAPIRegistry.registerPath(
    route({ method: 'get', path: '/{slug}/ballots.csv', summary: 'Every confirmed ballot, as CSV', request: { params: Slug }, responses: { 200: fileDownload('text/csv', 'One row per ballot.'), ...errors(401, 403, 404) } }),
  );
  app.openAPIRegistry.registerPath(
    route({ method: 'get', path: '/{slug}/results.csv', summary: 'The results, as CSV', request: { params: Slug }, responses: { 200: fileDownload('text/csv', 'One row per line or project.'), ...errors(401, 403, 404) } }),
  );
  app.openAPIRegistry.registerPath(
    route({
      method: 'get',
      path: '/{slug}/pabulib',
      summary: 'The ballots in the pabulib format',
      description: 'The `.pb` file of participatory-budgeting research (pabulib.org): one budget per file, so a process with districts is exported one district at a time.',
      request: { params: Slug, query: z.object({ district: z.string().optional().openapi({ description: 'The district’s id; required when the process has districts, left out otherwise.' }) }) },
      responses: { 200: fileDownload('text/plain', 'The .pb file.'), ...errors(400, 401, 403, 404) },
    }),
  );
  app.get(`/:slug${slugParam}/ballots.csv`, async (c) => {
    const budget = await findStaffBudget(db, c.req.param('slug'));
    if (!budget) throw new ApiError(404, 'budget_not_found', 'There is no budget with that name.');
    await audit(db, actor(c), 'budget.export-ballots', `budget ${budget.row.slug}`);
    return download(c, `rostsedlar-${budget.row.slug}.csv`, 'text/csv; charset=utf-8', await ballotsCsv(db, budget));
  });
  app.get(`/:slug${slugParam}/results.csv`, async (c) => {
    const budget = await findStaffBudget(db, c.req.param('slug'));
    if (!budget) throw new ApiError(404, 'budget_not_found', 'There is no budget with that name.');
    return download(c, `resultat-${budget.row.slug}.csv`, 'text/csv; charset=utf-8', await resultsCsv(db, budget));
  });
  app.get(`/:slug${slugParam}/pabulib`, async (c) => {
    const budget = await findStaffBudget(db, c.req.param('slug'));
    if (!budget) throw new ApiError(404, 'budget_not_found', 'There is no budget with that name.');
    const district = c.req.query('district');
    let districtId: number | null = null;
    if (budget.districts.length) {
      districtId = Number(district);
      if (!budget.districts.some((d) => d.id === districtId)) {
        throw new ApiError(400, 'invalid_request', 'Say which district: pabulib holds one budget per file.', [{ path: 'district', message: `one of ${budget.districts.map((d) => d.id).join(', ')}` }]);
      }
    } else if (district !== undefined) {
      throw new ApiError(400, 'invalid_request', 'This budget has no districts.', [{ path: 'district', message: 'must be left out' }]);
    }
    await audit(db, actor(c), 'budget.export-pabulib', `budget ${budget.row.slug}`);
    return download(c, `${budget.row.slug}${districtId === null ? '' : `-${districtId}`}.pb`, 'text/plain; charset=utf-8', await pabulib(db, budget, districtId, config.municipalityName));
  });

  return app;
}

/** What zod cannot see: ranges that make sense, and items pointing at districts that exist. */
function checkShape(input: z.infer<typeof BudgetInput>) {
  const issues: { path: string; message: string }[] = [];
  input.items.forEach((item, i) => {
    if (item.district !== null && item.district >= input.districts.length) issues.push({ path: `items.${i}.district`, message: 'no such district' });
    if (input.mode === 'sliders') {
      if (item.max < item.min) issues.push({ path: `items.${i}.max`, message: 'must be at least the minimum' });
      if (item.start < item.min || item.start > item.max) issues.push({ path: `items.${i}.start`, message: 'must be between the minimum and the maximum' });
      else if ((item.start - item.min) % item.step !== 0) issues.push({ path: `items.${i}.start`, message: 'must be the minimum plus whole steps' });
      if ((item.max - item.min) % item.step !== 0) issues.push({ path: `items.${i}.max`, message: 'must be the minimum plus whole steps' });
    } else if (item.cost <= 0) issues.push({ path: `items.${i}.cost`, message: 'must be more than 0' });
  });
  if (input.mode === 'projects' && input.rule !== 'within') issues.push({ path: 'rule', message: 'projects always stay within the total' });
  if (issues.length) throw new ApiError(400, 'invalid_request', 'The budget is not valid.', issues);
}
