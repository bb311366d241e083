import type { Config } from './config.js';
import type { Db } from './db/index.js';
import { createLiveBus, type LiveBus } from './live/bus.js';
import type { Logger } from './log.js';
import { createMailer, type Mailer } from './mail/mailer.js';

/** What every part of the server is given: made once per process (server/main.ts) or per test. */
export interface Deps {
  config: Config;
  db: Db;
  log: Logger;
  /** Sends mail: through SMTP_URL, or into the outbox. */
  mailer: Mailer;
  /** Tells every instance what changed, for pages following it live. */
  live: LiveBus;
}

/** The mailer and live bus the configuration asks for: SMTP_URL or the outbox; in-process for SQLite, LISTEN/NOTIFY for PostgreSQL. */
export function completeDeps(deps: Pick<Deps, 'config' | 'db' | 'log'> & Partial<Deps>): Deps {
  return {
    ...deps,
    mailer: deps.mailer ?? createMailer(deps.config, deps.log),
    live: deps.live ?? createLiveBus(deps.config, deps.db, deps.log),
  };
}
