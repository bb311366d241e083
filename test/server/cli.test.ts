import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { createApp } from '../../server/app.js';
import { completeDeps } from '../../server/deps.js';
import { createDatabase } from '../../server/db/index.js';
import { memoryLogger, testConfig } from './helpers.js';
import { staffRequest } from './staff-helpers.js';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'medverka-cli-'));
const file = join(dir, 'cli.sqlite');
after(() => rmSync(dir, { recursive: true, force: true }));

function admin(args: string[], stdin: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    cwd: root,
    input: stdin,
    env: { ...process.env, DATABASE_URL: file, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
}

describe('npm run admin (the staff command line)', () => {
  it('creates the first administrator, who can then sign in', async () => {
    const run = admin(['create-user', '--email', 'Forsta@Kommun.se', '--name', 'Första Admin', '--role', 'admin'], 'ett-långt-lösenord\n');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Created admin forsta@kommun\.se/);
    assert.ok(!run.stdout.includes('lösenord') && !run.stderr.includes('ett-långt'), 'the password is never printed');

    const db = createDatabase({ kind: 'sqlite', file });
    try {
      const app = createApp(completeDeps({ config: testConfig(), db, log: memoryLogger() }));
      const res = await staffRequest(app, '/api/staff/sign-in', { method: 'POST', body: { email: 'forsta@kommun.se', password: 'ett-långt-lösenord' } });
      assert.equal(res.status, 200);
    } finally {
      await db.destroy();
    }
  });

  it('refuses a short password, a duplicate, a bad role and an unknown command, changing nothing', () => {
    const short = admin(['create-user', '--email', 'b@kommun.se', '--name', 'B', '--role', 'admin'], 'kort\n');
    assert.equal(short.status, 1);
    assert.match(short.stderr, /at least 12 characters/);
    const duplicate = admin(['create-user', '--email', 'FORSTA@kommun.se', '--name', 'Igen', '--role', 'moderator'], 'ett-långt-lösenord\n');
    assert.equal(duplicate.status, 1);
    assert.match(duplicate.stderr, /already a staff account/);
    const role = admin(['create-user', '--email', 'c@kommun.se', '--name', 'C', '--role', 'kung'], 'ett-långt-lösenord\n');
    assert.equal(role.status, 1);
    assert.match(role.stderr, /--role/);
    assert.equal(admin(['drop-everything'], '').status, 1);
    const list = admin(['list-users'], '');
    assert.equal(list.stdout.trim().split('\n').length, 1);
  });

  it('sets a new password, ending the account’s sessions', async () => {
    const db = createDatabase({ kind: 'sqlite', file });
    try {
      const app = createApp(completeDeps({ config: testConfig(), db, log: memoryLogger() }));
      const res = await staffRequest(app, '/api/staff/sign-in', { method: 'POST', body: { email: 'forsta@kommun.se', password: 'ett-långt-lösenord' } });
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      const run = admin(['set-password', '--email', 'forsta@kommun.se'], 'ett-annat-långt-lösenord\n');
      assert.equal(run.status, 0, run.stderr);
      assert.equal((await staffRequest(app, '/api/staff/me', { cookie })).status, 401);
      const again = await staffRequest(app, '/api/staff/sign-in', { method: 'POST', body: { email: 'forsta@kommun.se', password: 'ett-annat-långt-lösenord' } });
      assert.equal(again.status, 200);
    } finally {
      await db.destroy();
    }
  });

  it('erases a resident on request, keeping in the audit log that it happened but not whose', async () => {
    const missing = admin(['erase'], '');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /--email/);
    const run = admin(['erase', '--email', 'ingen.alls@example.se'], '');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Erased: 0 signature\(s\), 0 proposal\(s\), 0 budget ballot\(s\), 0 chat conversation\(s\), 0 chat message\(s\) left, no panel membership, 0 dialogue\(s\) followed\./);
    const db = createDatabase({ kind: 'sqlite', file });
    try {
      const entries = await db.selectFrom('audit_log').selectAll().where('action', '=', 'person.erase').execute();
      assert.equal(entries.length, 1);
      assert.ok(!JSON.stringify(entries).includes('ingen.alls'), 'the audit log does not name the person');
    } finally {
      await db.destroy();
    }
  });
});
