/**
 * The README screenshot: the overview page (Ringkasan) on the sample warehouse, desktop width, top of the page.
 *
 *   npx tsx test/browser/readme-screenshot.ts [out.png]      (default docs/screenshot-overview.png)
 */
import path from 'node:path';
import { gotoAndSettle, launchBrowser, newPage, REPO, startServer } from './harness.ts';
import { sampleWarehouse } from './sample-warehouse.ts';

const out = path.resolve(process.argv[2] ?? path.join(REPO, 'docs', 'screenshot-overview.png'));
const server = await startServer(await sampleWarehouse());
const browser = await launchBrowser(server); // Ringkasan needs an account
try {
  const { page, errors } = await newPage(browser);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await gotoAndSettle(page, `${server.url}/`);
  await page.screenshot({ path: out });
  if (errors.length) throw new Error(`the page logged errors: ${errors.join('; ')}`);
  process.stdout.write(`${out}\n`);
} finally {
  await browser.close();
  await server.stop();
}
