import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp, repoRoot } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createDatabase, migrateToLatest } from './db/index.js';
import { completeDeps } from './deps.js';
import { createLogger } from './log.js';
import { startHousekeeping } from './petitions/housekeeping.js';
import { startPanelHousekeeping } from './panel/housekeeping.js';
import { startRegisterHousekeeping } from './register/housekeeping.js';
import { seedDemoRegister } from './register/seed.js';
import { audit, countStaff, createStaffUser } from './staff/store.js';
import { seedDemoTiles } from './tiles/seed.js';
import { demoBudgetSlug, seedDemoBudget } from './budgets/seed.js';
import { seedDemoPoll } from './polls/seed.js';
import { seedDemoPetitions } from './petitions/seed.js';
import { thresholdCount } from './petitions/rules.js';
import { serverTimeouts } from './limits.js';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n\nSee "Configuration" in README.md for every variable.\n`);
    process.exit(1);
  }
  throw err;
}

const log = createLogger(config.logLevel);
const db = createDatabase(config.database, (err) => log.warn('database connection lost while idle', { error: err.message }));
await migrateToLatest(db);
if (config.seedDemo && (await seedDemoTiles(db))) log.info('created the demo tile set "engagera-dig"');
if (config.seedDemo && (await seedDemoBudget(db))) log.info(`created the demo budget "${demoBudgetSlug}"`);
if (config.seedDemo && (await seedDemoPetitions(db, thresholdCount(config.petitions.threshold)))) log.info('created the demo e-petitions');
if (config.seedDemo) {
  const pollId = await seedDemoPoll(db);
  if (pollId !== null) log.info('created the demo poll', { id: pollId, presenter: `/present/poll/${pollId}` });
}
if (config.seedDemo && (await seedDemoRegister(db))) log.info('created the demo dialogue register');
if (config.firstAdmin && (await countStaff(db)) === 0) {
  const admin = await createStaffUser(db, { ...config.firstAdmin, role: 'admin' });
  await audit(db, null, 'staff.create', `staff ${admin.id}`, { email: admin.email, role: 'admin', from: 'ADMIN_EMAIL' });
  log.info('created the first administrator from ADMIN_EMAIL', { email: admin.email });
}
const noStaffYet = (await countStaff(db)) === 0;

const deps = completeDeps({ config, db, log });
const { live } = deps;
const stopHousekeeping = startHousekeeping(db, config.petitions.anonymiseAfterDays, live, log);
const stopPanelHousekeeping = startPanelHousekeeping(db, log);
const stopRegisterHousekeeping = startRegisterHousekeeping(deps);
const app = createApp({ ...deps, benchRoutes: process.env.MEDVERKA_BENCH === '1' });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: serverTimeouts() }, (info) => {
  const base = config.publicUrl.href.replace(/\/$/, '');
  const local = `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}`;
  log.info('listening', { address: local, publicUrl: base, database: config.database.kind });
  if (!existsSync(resolve(repoRoot, 'dist/widgets/medverka.js'))) {
    log.warn('the widgets are not built; run "npm run build" (npm start does it for you)');
  }
  if (process.stdout.isTTY || process.env.MEDVERKA_PRINT_URLS !== '0') {
    process.stdout.write(
      `\n  Medverka is running.\n` +
        `    Demo page:     ${base}/demo\n` +
        `    iframe embed:  ${base}/demo/iframe\n` +
        `    E-petitions:   ${base}/demo/e-forslag\n` +
        `    Budget:        ${base}/demo/budget\n` +
        `    Quick poll:    ${base}/demo/snabbfraga\n` +
        `    Citizen panel: ${base}/demo/panel\n` +
        `    API docs:      ${base}/api/docs\n` +
        `    Staff console: ${base}/admin\n` +
        (noStaffYet
          ? `\n  No staff account exists yet. Create the first administrator with\n` +
            `    npm run admin -- create-user --email you@kommun.se --name "Your Name" --role admin\n`
          : '') +
        `    Health:        ${base}/healthz\n\n`,
    );
  }
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info('stopping', { signal });
  stopHousekeeping();
  stopPanelHousekeeping();
  stopRegisterHousekeeping();
  server.close();
  await live.close();
  await db.destroy();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
