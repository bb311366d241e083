import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../server/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError, 'throws ConfigError');
    return err.problems;
  }
  assert.fail('expected the configuration to be refused');
}

describe('configuration', () => {
  it('starts on safe defaults with nothing set', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.publicUrl.href, 'http://localhost:3000/');
    assert.deepEqual(config.database, { kind: 'sqlite', file: 'data/medverka.sqlite' });
    assert.deepEqual(config.allowedOrigins, []);
    assert.equal(config.smtpUrl, undefined);
    assert.equal(config.bodyLimit, 65536);
    assert.equal(config.seedDemo, true);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://dialog.kommun.se',
      DATABASE_URL: 'postgres://medverka@db:5432/medverka',
      ALLOWED_ORIGINS: 'https://www.kommun.se, https://intranat.kommun.se/',
      TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.5, ::1',
      SMTP_URL: 'smtp://mail.kommun.se:587',
      BODY_LIMIT: '131072',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.publicUrl.origin, 'https://dialog.kommun.se');
    assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://medverka@db:5432/medverka' });
    assert.deepEqual(config.allowedOrigins, ['https://www.kommun.se', 'https://intranat.kommun.se']);
    assert.ok(config.trustedProxies.check('10.20.30.40', 'ipv4'));
    assert.ok(config.trustedProxies.check('192.168.1.5', 'ipv4'));
    assert.ok(!config.trustedProxies.check('192.168.1.6', 'ipv4'));
    assert.ok(config.trustedProxies.check('::1', 'ipv6'));
    assert.equal(config.smtpUrl, 'smtp://mail.kommun.se:587');
    assert.equal(config.bodyLimit, 131072);
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.seedDemo, false);
  });

  it('treats an empty variable as unset', () => {
    assert.equal(loadConfig({ PORT: '', SMTP_URL: '' }).port, 3000);
  });

  it('names the variable and the value for each bad setting, all at once', () => {
    const found = problems({
      PORT: 'abc',
      PUBLIC_URL: 'dialog.kommun.se',
      ALLOWED_ORIGINS: 'https://www.kommun.se/engagera',
      TRUSTED_PROXIES: '10.0.0.0/40',
      LOG_LEVEL: 'loud',
    });
    assert.equal(found.length, 5, found.join('\n'));
    assert.match(found.find((p) => p.startsWith('PORT'))!, /whole number.*"abc"/);
    assert.match(found.find((p) => p.startsWith('PUBLIC_URL'))!, /full URL/);
    assert.match(found.find((p) => p.startsWith('ALLOWED_ORIGINS'))!, /origin only.*https:\/\/www\.kommun\.se/);
    assert.match(found.find((p) => p.startsWith('TRUSTED_PROXIES'))!, /not an IP address or CIDR/);
    assert.match(found.find((p) => p.startsWith('LOG_LEVEL'))!, /loud/);
  });

  it('refuses a port out of range, an unknown database scheme and a non-SMTP mail URL', () => {
    assert.match(problems({ PORT: '70000' })[0]!, /^PORT: must be between 0 and 65535/);
    assert.match(problems({ DATABASE_URL: 'mysql://root@localhost/x' })[0]!, /^DATABASE_URL: must be a postgres:\/\/ URL or a path/);
    assert.match(problems({ SMTP_URL: 'http://mail' })[0]!, /^SMTP_URL: must be an smtp/);
    assert.match(problems({ ALLOWED_ORIGINS: 'www.kommun.se' })[0]!, /^ALLOWED_ORIGINS: "www\.kommun\.se" is not a URL/);
    assert.match(problems({ BODY_LIMIT: '10' })[0]!, /^BODY_LIMIT: must be at least 1024/);
  });

  it('reads the municipality’s name and colour, and refuses a colour white text cannot be read on', () => {
    const config = loadConfig({ MUNICIPALITY_NAME: ' Exempelby kommun ', BRAND_COLOR: '#7A1F5C' });
    assert.equal(config.municipalityName, 'Exempelby kommun');
    assert.equal(config.brandColor, '#7a1f5c');
    assert.equal(loadConfig({}).municipalityName, undefined);
    assert.equal(loadConfig({}).brandColor, '#005a9c');
    assert.match(problems({ BRAND_COLOR: '#ffdd00' })[0]!, /^BRAND_COLOR: must be dark enough for white text/);
    assert.match(problems({ BRAND_COLOR: 'blue' })[0]!, /^BRAND_COLOR: must be a colour such as #005a9c/);
    assert.match(problems({ MUNICIPALITY_NAME: 'Exempelby\nkommun' })[0]!, /^MUNICIPALITY_NAME: must be one line/);
  });

  it('never prints the database or mail URL, which may hold passwords', () => {
    const [problem] = problems({ SMTP_URL: 'ftp://user:secret@mail' });
    assert.ok(!problem!.includes('secret'));
  });

  it('needs both ADMIN_EMAIL and ADMIN_PASSWORD, and a long password, for the first administrator', () => {
    assert.match(problems({ ADMIN_EMAIL: 'anna@kommun.se' })[0]!, /set both/);
    const [short] = problems({ ADMIN_EMAIL: 'anna@kommun.se', ADMIN_PASSWORD: 'hemligt' });
    assert.match(short!, /^ADMIN_PASSWORD: must be at least 12 characters$/, 'and the password is not echoed');
    const config = loadConfig({ ADMIN_EMAIL: 'anna@kommun.se', ADMIN_PASSWORD: 'ett-långt-lösenord' });
    assert.deepEqual(config.firstAdmin, { email: 'anna@kommun.se', password: 'ett-långt-lösenord', name: '' }, 'no name unless ADMIN_NAME gives one: residents are not told they chat with "Administratör"');
    assert.deepEqual(config.session, { idleMinutes: 30, maxHours: 12 });
  });

  it('links mails to the petition page: ours by default, or the municipality’s own with {id}', () => {
    assert.equal(loadConfig({ PUBLIC_URL: 'https://dialog.kommun.se/' }).petitions.pageUrl, 'https://dialog.kommun.se/e-forslag/{id}');
    assert.equal(loadConfig({ PETITION_PAGE_URL: 'https://www.kommun.se/e-forslag?nr={id}' }).petitions.pageUrl, 'https://www.kommun.se/e-forslag?nr={id}');
    for (const bad of ['https://www.kommun.se/e-forslag', 'javascript:alert({id})', 'www.kommun.se/{id}', 'https://www.kommun.se/ {id}']) {
      assert.match(problems({ PETITION_PAGE_URL: bad }).join('\n'), /PETITION_PAGE_URL.*\{id\}/, bad);
    }
  });

  it('accepts an sqlite: prefix on a file path', () => {
    assert.deepEqual(loadConfig({ DATABASE_URL: 'sqlite:/var/lib/medverka/db.sqlite' }).database, {
      kind: 'sqlite',
      file: '/var/lib/medverka/db.sqlite',
    });
  });
});
