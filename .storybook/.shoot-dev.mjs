import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
for (const id of ['from-api', 'widget-cannot-open', 'themed']) {
const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
const logs = [];
page.on('console', (m) => logs.push(`[${m.type()}] ${m.text()}`));
page.on('response', (r) => { if (r.status() >= 400) logs.push(`[${r.status()}] ${r.url()}`); });
await page.goto(`http://127.0.0.1:6017/iframe.html?id=widgets-tiles--${id}&viewMode=story`);
await page.waitForSelector('medverka-tiles', { timeout: 60000 });
await page.waitForTimeout(2500);
console.log(id, await page.evaluate(() => document.querySelector('medverka-tiles').shadowRoot.querySelectorAll('[part=tile]').length), logs.filter((l) => !/vite\] connect/.test(l)).join('\n  '));
console.log('  versions', await page.evaluate(() => JSON.stringify({ h: globalThis.litHtmlVersions })));
await page.close();
}
await browser.close();
