import { chromium } from 'playwright-core';
const [url, out, w = '360', h = '800'] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: Number(w), height: Number(h) } });
await p.goto(url);
await p.screenshot({ path: out, fullPage: false });
await b.close();
