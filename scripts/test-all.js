// `npm test`: everything CI checks, in order, stopping at the first failure: types, lint, no import loops,
// the build and its byte budgets, server tests (SQLite and PostgreSQL), browser tests,
// end-to-end tests (SQLite and PostgreSQL), and the Storybook build. Ends with one line
// counting the tests that ran.
import { spawn } from 'node:child_process';

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['import loops', 'node', ['scripts/import-loops.js']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['size', 'npm', ['run', '--silent', 'size']],
  ['server tests', 'npm', ['run', '--silent', 'test:server']],
  ['widget tests', 'npm', ['run', '--silent', 'test:widgets']],
  ['end-to-end tests', 'npm', ['run', '--silent', 'test:e2e']],
  ['storybook build', 'npm', ['run', '--silent', 'build-storybook']],
];

let passed = 0;
let failed = 0;

function count(raw) {
  // eslint-disable-next-line no-control-regex
  const output = raw.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  // node:test prints "# pass N" / "# fail N"; web-test-runner "N passed, N failed".
  for (const m of output.matchAll(/^# pass (\d+)$/gm)) passed += Number(m[1]);
  for (const m of output.matchAll(/^# fail (\d+)$/gm)) failed += Number(m[1]);
  const wtr = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  if (wtr) {
    passed += Number(wtr[1]);
    failed += Number(wtr[2]);
  }
}

for (const [name, cmd, args] of steps) {
  const started = Date.now();
  process.stdout.write(`\n=== ${name}\n`);
  const code = await new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('close', (c) => {
      count(output);
      resolve(c ?? 1);
    });
  });
  process.stdout.write(`=== ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (code !== 0) {
    console.log(`\ntests: ${passed} passed, ${failed || 1} failed`);
    process.exit(code);
  }
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
