import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const [url, out, w, n] = process.argv.slice(2);
const p = await b.newPage({ viewport: { width: Number(w || 1366), height: 1000 } });
await p.goto(url);
const H = await p.evaluate(() => document.body.scrollHeight);
for (let i = 0, y = 0; y < H && i < Number(n || 10); i++, y += 1000) {
  await p.screenshot({ path: `${out}${i}.png`, clip: { x: 0, y, width: Number(w || 1366), height: Math.min(1000, H - y) }, fullPage: true });
}
console.log(H);
await b.close();
