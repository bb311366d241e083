/**
 * How every test launches Debian's Chromium: as root it needs --no-sandbox, and on these
 * machines (no network) the background-networking flags keep it from trying to reach out.
 */
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
