/**
 * A strict reader of the pabulib format (pabulib.org/format; the fields pabutools reads and the
 * pabulib checker checks), written from the format, not from our exporter: it throws on the
 * first thing a research tool would refuse or count differently. The budget tests run it on
 * our exports and on real files (test/fixtures/pabulib), so that it is known to accept the format.
 */

export interface Pabulib {
  meta: Record<string, string>;
  projects: Record<string, string>[];
  votes: Record<string, string>[];
}

const requiredMeta = ['description', 'country', 'unit', 'instance', 'num_projects', 'num_votes', 'budget', 'vote_type', 'rule', 'date_begin', 'date_end'];
const voteTypes = ['approval', 'choose-1', 'cumulative', 'scoring', 'ordinal'];
const rules = ['greedy', 'unknown', 'equalshares', 'equalshares/add1'];
const date = /^(\d{4}|\d{2}\.\d{2}\.\d{4})$/;
const whole = /^\d+$/;
const number = /^\d+(\.\d+)?$/;

class FormatError extends Error {}
const fail = (line: number, message: string): never => {
  throw new FormatError(`pabulib, line ${line}: ${message}`);
};

export function readPabulib(text: string): Pabulib {
  const lines = text.replace(/^\uFEFF/, '').replace(/\n$/, '').split('\n');
  lines.forEach((l, i) => {
    if (l.trim() === '') fail(i + 1, 'an empty line');
    if (l.includes('\r')) fail(i + 1, 'a carriage return');
  });
  const starts = ['META', 'PROJECTS', 'VOTES'].map((name) => {
    const at = lines.findIndex((l) => l.trim().toUpperCase() === name);
    return at === -1 ? fail(0, `no ${name} section`) : at;
  });
  if (!(starts[0] === 0 && starts[0] < starts[1]! && starts[1]! < starts[2]!)) fail(1, 'sections must be META, PROJECTS, VOTES in that order');
  const block = (s: number) => lines.slice(starts[s]! + 1, s < 2 ? starts[s + 1] : undefined).map((l, i) => ({ no: starts[s]! + 2 + i, cells: l.split(';') }));
  const table = (s: number, name: string) => {
    const [head, ...rows] = block(s);
    if (!head) return fail(starts[s]! + 1, `${name} has no header`);
    const keys = head.cells.map((k) => k.trim());
    if (new Set(keys).size !== keys.length) fail(head.no, `${name} repeats a column`);
    return {
      keys,
      rows: rows.map((r) => {
        if (r.cells.length !== keys.length) fail(r.no, `${name} row has ${r.cells.length} fields, the header ${keys.length}`);
        return { no: r.no, row: Object.fromEntries(keys.map((k, i) => [k, r.cells[i]!.trim()])) };
      }),
    };
  };

  // META: key;value, each key once, the required ones present and well formed.
  const [metaHead, ...metaRows] = block(0);
  if (metaHead?.cells.join(';') !== 'key;value') fail(2, 'META must start with key;value');
  const meta: Record<string, string> = {};
  for (const { no, cells } of metaRows) {
    if (cells.length !== 2) fail(no, 'a META row is key;value');
    const [k, v] = [cells[0]!.trim(), cells[1]!.trim()];
    if (k in meta) fail(no, `META repeats ${k}`);
    meta[k] = v;
  }
  for (const k of requiredMeta) if (!meta[k]) fail(2, `META lacks ${k}`);
  for (const k of ['num_projects', 'num_votes', 'min_length', 'max_length', 'min_sum_points', 'max_sum_points', 'min_points', 'max_points']) {
    if (k in meta && !whole.test(meta[k]!)) fail(2, `META ${k} must be a whole number, not "${meta[k]}"`);
  }
  for (const k of ['budget', 'min_sum_cost', 'max_sum_cost']) if (k in meta && !number.test(meta[k]!)) fail(2, `META ${k} must be a number (with a point), not "${meta[k]}"`);
  if (!voteTypes.includes(meta.vote_type!)) fail(2, `vote_type "${meta.vote_type}" is not one of ${voteTypes.join(', ')}`);
  if (!rules.includes(meta.rule!)) fail(2, `rule "${meta.rule}" is not one of ${rules.join(', ')}`);
  for (const k of ['date_begin', 'date_end']) if (!date.test(meta[k]!)) fail(2, `${k} "${meta[k]}" is not YYYY or DD.MM.YYYY`);
  const points = meta.vote_type === 'cumulative' || meta.vote_type === 'scoring';
  if (meta.vote_type === 'cumulative' && !meta.max_sum_points) fail(2, 'a cumulative vote needs max_sum_points');

  // PROJECTS: project_id and cost, each project once; votes, score, selected well formed.
  const projects = table(1, 'PROJECTS');
  for (const k of ['project_id', 'cost']) if (!projects.keys.includes(k)) fail(starts[1]! + 2, `PROJECTS lacks ${k}`);
  if (!projects.keys.includes('votes') && !projects.keys.includes('score')) fail(starts[1]! + 2, 'PROJECTS needs votes or score');
  const byId = new Map<string, { no: number; row: Record<string, string> }>();
  for (const p of projects.rows) {
    if (!p.row.project_id) fail(p.no, 'a project without project_id');
    if (byId.has(p.row.project_id!)) fail(p.no, `project ${p.row.project_id} twice`);
    byId.set(p.row.project_id!, p);
    if (!number.test(p.row.cost!) || Number(p.row.cost) <= 0) fail(p.no, `cost "${p.row.cost}" must be a number above 0`);
    for (const k of ['votes', 'score']) if (k in p.row && !whole.test(p.row[k]!)) fail(p.no, `${k} "${p.row[k]}" must be a whole number`);
    if ('selected' in p.row && !['0', '1', '2', '3'].includes(p.row.selected!)) fail(p.no, `selected "${p.row.selected}" must be 0, 1, 2 or 3`);
  }
  if (projects.rows.length !== Number(meta.num_projects)) fail(2, `num_projects ${meta.num_projects}, but ${projects.rows.length} projects`);

  // VOTES: voter_id and vote (and points, for points), each voter once, only known projects.
  const votes = table(2, 'VOTES');
  for (const k of ['voter_id', 'vote', ...(points ? ['points'] : [])]) if (!votes.keys.includes(k)) fail(starts[2]! + 2, `VOTES lacks ${k}`);
  const voters = new Set<string>();
  const counted = new Map<string, { votes: number; score: number }>();
  for (const { no, row } of votes.rows) {
    if (!row.voter_id || voters.has(row.voter_id)) fail(no, `voter_id "${row.voter_id}" missing or repeated`);
    voters.add(row.voter_id!);
    const chosen = row.vote!.split(',').map((s) => s.trim());
    if (chosen.some((id) => !byId.has(id))) fail(no, `a vote for a project not in PROJECTS: ${row.vote}`);
    if (new Set(chosen).size !== chosen.length) fail(no, `a project twice in one vote: ${row.vote}`);
    const given = points ? row.points!.split(',').map((s) => s.trim()) : chosen.map(() => '1');
    if (given.length !== chosen.length) fail(no, 'vote and points differ in length');
    if (given.some((g) => !number.test(g) || Number(g) <= 0)) fail(no, `points must be above 0 (a project given nothing is left out): ${row.points}`);
    if (meta.vote_type === 'cumulative' && given.some((g, i) => i > 0 && Number(g) > Number(given[i - 1]))) fail(no, `cumulative points must be listed in decreasing order: ${row.points}`);
    const sum = given.reduce((s, g) => s + Number(g), 0);
    if (points && meta.max_sum_points && sum > Number(meta.max_sum_points)) fail(no, `points ${sum} above max_sum_points`);
    if (points && meta.min_sum_points && sum < Number(meta.min_sum_points)) fail(no, `points ${sum} below min_sum_points`);
    if (meta.min_length && chosen.length < Number(meta.min_length)) fail(no, 'vote shorter than min_length');
    if (meta.max_length && chosen.length > Number(meta.max_length)) fail(no, 'vote longer than max_length');
    const cost = chosen.reduce((s, id) => s + Number(byId.get(id)!.row.cost), 0);
    if (!points && meta.max_sum_cost && cost > Number(meta.max_sum_cost)) fail(no, `vote costs ${cost}, above max_sum_cost`);
    chosen.forEach((id, i) => {
      const c = counted.get(id) ?? { votes: 0, score: 0 };
      counted.set(id, { votes: c.votes + 1, score: c.score + Number(given[i]) });
    });
  }
  if (votes.rows.length !== Number(meta.num_votes)) fail(2, `num_votes ${meta.num_votes}, but ${votes.rows.length} votes`);

  // What PROJECTS says must be what VOTES holds.
  for (const [id, p] of byId) {
    const c = counted.get(id) ?? { votes: 0, score: 0 };
    if ('votes' in p.row && Number(p.row.votes) !== c.votes) fail(p.no, `project ${id} has votes ${p.row.votes}, but ${c.votes} votes list it`);
    if ('score' in p.row && Number(p.row.score) !== c.score) fail(p.no, `project ${id} has score ${p.row.score}, but its points add up to ${c.score}`);
  }
  // A greedy selection is the greedy outcome: by votes (score for points), most first, each that still fits.
  if (meta.rule === 'greedy' && projects.keys.includes('selected')) {
    const key = points && projects.keys.includes('score') ? 'score' : 'votes';
    let left = Number(meta.budget);
    const greedy = new Set<string>();
    for (const p of [...projects.rows].sort((a, b) => Number(b.row[key]) - Number(a.row[key]))) {
      if (Number(p.row.cost) <= left) {
        greedy.add(p.row.project_id!);
        left -= Number(p.row.cost);
      }
    }
    for (const p of projects.rows) {
      if ((p.row.selected === '1') !== greedy.has(p.row.project_id!)) fail(p.no, `rule is greedy, but project ${p.row.project_id} is ${p.row.selected === '1' ? '' : 'not '}selected`);
    }
  }
  return { meta, projects: projects.rows.map((p) => p.row), votes: votes.rows.map((v) => v.row) };
}
