import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canMoveBudget, checkProjectBallot, checkSliderBallot, medianOfCounts } from '../../server/budgets/rules.js';

const lines = [
  { id: 1, title: 'Lekplatser', min: 0, max: 5_000_000, step: 500_000, cost: 0 },
  { id: 2, title: 'Cykelvägar', min: 1_000_000, max: 8_000_000, step: 500_000, cost: 0 },
  { id: 3, title: 'Belysning', min: 0, max: 3_000_000, step: 250_000, cost: 0 },
];
const within = { mode: 'sliders' as const, rule: 'within' as const, tolerance: 0, total: 10_000_000 };
const balanced = { ...within, rule: 'balanced' as const, tolerance: 250_000 };
const alloc = (a: number, b: number, c: number) => [
  { itemId: 1, amount: a },
  { itemId: 2, amount: b },
  { itemId: 3, amount: c },
];

describe('budget rules', () => {
  it('accepts a slider ballot within the total, and one that balances it within the tolerance', () => {
    assert.deepEqual(checkSliderBallot(within, lines, alloc(2_000_000, 4_000_000, 1_000_000)), []);
    assert.deepEqual(checkSliderBallot(within, lines, alloc(5_000_000, 5_000_000, 0)), [], 'exactly the total');
    assert.deepEqual(checkSliderBallot(balanced, lines, alloc(3_000_000, 4_000_000, 2_750_000)), [], '250 000 under is within the tolerance');
  });

  it('says by how much a ballot goes over the total, or misses a balanced one', () => {
    const over = checkSliderBallot(within, lines, alloc(5_000_000, 5_000_000, 500_000));
    assert.deepEqual(over.map((i) => i.path), ['total']);
    assert.match(over[0]!.message, /10,500,000 kronor, 500,000 kronor more than the 10,000,000 kronor/);
    const short = checkSliderBallot(balanced, lines, alloc(1_000_000, 4_000_000, 1_000_000));
    assert.match(short[0]!.message, /4,000,000 kronor too little/);
    assert.match(short[0]!.message, /give or take 250,000 kronor/);
    const much = checkSliderBallot(balanced, lines, alloc(5_000_000, 5_000_000, 500_000));
    assert.match(much[0]!.message, /500,000 kronor too much/);
  });

  it('names the line for amounts out of range, off its steps, missing, unknown or given twice', () => {
    const issues = checkSliderBallot(within, lines, [
      { itemId: 1, amount: 6_000_000 },
      { itemId: 2, amount: 500_000 },
      { itemId: 3, amount: 100_000 },
      { itemId: 9, amount: 0 },
      { itemId: 3, amount: 0 },
    ]);
    const by = Object.fromEntries(issues.map((i) => [i.message.slice(0, 30), i.path]));
    assert.ok(issues.some((i) => i.path === 'allocations.1' && /Lekplatser.*at most 5,000,000 kronor: 1,000,000 kronor too much/.test(i.message)), JSON.stringify(issues));
    assert.ok(issues.some((i) => i.path === 'allocations.2' && /Cykelvägar.*at least 1,000,000 kronor: 500,000 kronor more/.test(i.message)));
    assert.ok(issues.some((i) => i.path === 'allocations.3' && /steps of 250,000 kronor/.test(i.message)));
    assert.ok(issues.some((i) => i.path === 'allocations.9' && /no line 9/.test(i.message)));
    assert.ok(issues.some((i) => i.path === 'allocations.3' && /twice/.test(i.message)));
    assert.ok(Object.keys(by).length > 0);
    const missing = checkSliderBallot(within, lines, [{ itemId: 1, amount: 0 }]);
    assert.deepEqual(missing.map((i) => i.path).sort(), ['allocations.2', 'allocations.3']);
  });

  it('checks project ballots as a knapsack: the chosen costs fit the total', () => {
    const projects = [
      { id: 1, title: 'Utegym', min: 0, max: 0, step: 1, cost: 400_000 },
      { id: 2, title: 'Hundrastgård', min: 0, max: 0, step: 1, cost: 350_000 },
      { id: 3, title: 'Skatepark', min: 0, max: 0, step: 1, cost: 600_000 },
    ];
    const budget = { mode: 'projects' as const, rule: 'within' as const, tolerance: 0, total: 1_000_000 };
    assert.deepEqual(checkProjectBallot(budget, projects, [1, 2]), []);
    assert.deepEqual(checkProjectBallot(budget, projects, [1, 3]), [], 'exactly the total');
    const over = checkProjectBallot(budget, projects, [1, 2, 3]);
    assert.deepEqual(over.map((i) => i.path), ['total']);
    assert.match(over[0]!.message, /cost 1,350,000 kronor, 350,000 kronor more/);
    assert.deepEqual(checkProjectBallot(budget, projects, []).map((i) => i.path), ['projects']);
    assert.deepEqual(checkProjectBallot(budget, projects, [1, 1]).map((i) => i.message), ['“Utegym” is chosen twice.']);
    assert.deepEqual(checkProjectBallot(budget, projects, [7]).map((i) => i.path), ['projects']);
  });

  it('moves a process only forward: draft → open → closed → published', () => {
    assert.ok(canMoveBudget('draft', 'open'));
    assert.ok(canMoveBudget('open', 'closed'));
    assert.ok(canMoveBudget('closed', 'published'));
    assert.ok(!canMoveBudget('draft', 'closed'));
    assert.ok(!canMoveBudget('open', 'published'));
    assert.ok(!canMoveBudget('published', 'open'));
    assert.ok(!canMoveBudget('closed', 'open'));
  });

  it('takes the middle amount as the median, from counts of each amount', () => {
    const counts = (...pairs: [number, number][]) => pairs.map(([amount, n]) => ({ amount, n }));
    assert.equal(medianOfCounts([]), null);
    assert.equal(medianOfCounts(counts([5, 1])), 5);
    assert.equal(medianOfCounts(counts([1, 1], [2, 1], [10, 1])), 2);
    assert.equal(medianOfCounts(counts([1, 1], [2, 1], [4, 1], [10, 1])), 3);
    assert.equal(medianOfCounts(counts([0, 3], [100, 1])), 0, 'three of four gave nothing');
    assert.equal(medianOfCounts(counts([0, 2], [100, 2])), 50, 'the two middle ones differ');
    assert.equal(medianOfCounts(counts([1_000_000, 2], [3_000_000, 3])), 3_000_000);
  });
});
