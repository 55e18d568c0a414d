// Opens a report page in headless Debian chromium through playwright-core, with every request that
// leaves the page refused (the page must need nothing from outside). Prints JSON: the page's visible
// text, the count of inline SVG charts, and the requests that were attempted.
// usage: node report-render.mjs CHROMIUM_PATH REPORT_HTML SCREENSHOT_PNG
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [executablePath, report, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const outside = [];
  const url = pathToFileURL(report).href;
  await page.route('**/*', route => {
    if (route.request().url() === url) return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  const text = await page.evaluate(() => document.body.innerText);
  const charts = await page.evaluate(() => document.querySelectorAll('svg').length);
  const bars = await page.evaluate(() => document.querySelectorAll('svg rect.bar').length);
  const scripts = await page.evaluate(() => document.querySelectorAll('script').length);
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ text, charts, bars, scripts, outside }));
} finally {
  await browser.close();
}
