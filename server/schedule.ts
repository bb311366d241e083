import type { Logger } from './log.js';

/**
 * Runs a housekeeping job at start and then every hour, in the background: a failure is logged
 * as `<what> failed` and the next hour tries again. Returns a function that stops it. Jobs are
 * conditional writes, so instances running them at once do no harm.
 */
export function everyHour(what: string, log: Pick<Logger, 'error'>, job: () => Promise<void>): () => void {
  const run = async () => {
    try {
      await job();
    } catch (err) {
      log.error(`${what} failed`, { error: String(err) });
    }
  };
  void run();
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
