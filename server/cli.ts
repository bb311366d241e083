/**
 * Staff accounts from the command line, for the first administrator and for recovery:
 *
 *   npm run admin -- create-user --email anna@kommun.se --name "Anna Andersson" --role admin
 *   npm run admin -- set-password --email anna@kommun.se
 *   npm run admin -- list-users
 *   npm run admin -- erase --email resident@example.se
 *
 * The password is asked for (not echoed), or read from standard input when it is piped:
 *   printf '%s\n' "$PASSWORD" | npm run admin -- create-user …
 * It is never taken as an argument, where it would end up in the shell's history.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { createDatabase, migrateToLatest } from './db/index.js';
import { erasePerson } from './privacy/erasure.js';
import { hashPassword } from './staff/passwords.js';
import { NewStaffUser, NewPassword, roles } from './staff/schemas.js';
import { audit, EmailTakenError, createStaffUser, endAllSessions, findStaffByEmail } from './staff/store.js';

const usage = `Usage:
  npm run admin -- create-user --email <e-mail> --name <name> --role <${roles.join('|')}>
  npm run admin -- set-password --email <e-mail>
  npm run admin -- list-users
  npm run admin -- erase --email <a resident's e-mail>`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let data = '';
    for await (const chunk of stdin) data += chunk;
    return data.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  let value = '';
  return new Promise((resolve) => {
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          return resolve(value);
        }
        if (ch === '\u0003') process.exit(130);
        if (ch === '\u007f') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function newPassword(): Promise<string> {
  const password = await readPassword('Password (at least 12 characters): ');
  const checked = NewPassword.safeParse(password);
  if (!checked.success) fail(`The password ${checked.error.issues[0]?.message ?? 'is not valid'}.`);
  if (process.stdin.isTTY && (await readPassword('Repeat the password: ')) !== password) fail('The passwords differ.');
  return password;
}

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  strict: true,
});

let config;
try {
  config = loadConfig();
} catch (err) {
  fail(err instanceof ConfigError ? err.message : String(err));
}
const db = createDatabase(config.database);
await migrateToLatest(db);

try {
  if (command === 'create-user') {
    const input = { email: values.email ?? '', name: values.name ?? '', role: values.role ?? '', password: 'x'.repeat(12) };
    const checked = NewStaffUser.safeParse(input);
    if (!checked.success) fail(`${checked.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n')}\n\n${usage}`);
    const user = await createStaffUser(db, { ...checked.data, password: await newPassword() });
    await audit(db, null, 'staff.create', `staff ${user.id}`, { email: user.email, role: user.role, from: 'command line' });
    process.stdout.write(`Created ${user.role} ${user.email} (id ${user.id}).\n`);
  } else if (command === 'set-password') {
    const user = await findStaffByEmail(db, values.email ?? '');
    if (!user) fail(`There is no staff account with the e-mail address ${values.email ?? '(none given)'}.`);
    await db.updateTable('staff_users').set({ password_hash: await hashPassword(await newPassword()) }).where('id', '=', user.id).execute();
    await endAllSessions(db, user.id);
    await audit(db, null, 'staff.password-reset', `staff ${user.id}`, { from: 'command line' });
    process.stdout.write(`New password set for ${user.email}; their sessions have ended.\n`);
  } else if (command === 'list-users') {
    const users = await db.selectFrom('staff_users').select(['id', 'email', 'name', 'role', 'disabled']).orderBy('id').execute();
    for (const u of users) process.stdout.write(`${u.id}\t${u.email}\t${u.role}${u.disabled ? '\t(disabled)' : ''}\t${u.name}\n`);
  } else if (command === 'erase') {
    // Erasure on request: every trace of the address goes; counts and results stay.
    if (!values.email?.trim()) fail(`--email: the resident's e-mail address is required\n\n${usage}`);
    const erased = await erasePerson(db, values.email);
    // The audit log keeps that an erasure happened and how much, not whose.
    await audit(db, null, 'person.erase', null, { ...erased, from: 'command line' });
    process.stdout.write(
      `Erased: ${erased.signatures} signature(s), ${erased.proposals} proposal(s), ${erased.budgetVoters} budget ballot(s), ` +
        `${erased.chatConversations} chat conversation(s), ${erased.chatCases} chat message(s) left, ` +
        `${erased.panelMember ? 'the panel membership' : 'no panel membership'}, ${erased.dialogueFollows} dialogue(s) followed.\n`,
    );
  } else {
    fail(usage);
  }
} catch (err) {
  if (err instanceof EmailTakenError) fail(`There is already a staff account with the e-mail address ${err.message}.`);
  throw err;
} finally {
  await db.destroy();
}
