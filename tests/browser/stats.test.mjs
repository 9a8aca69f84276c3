// The statistics page and the phone pages in Chromium: axe-core finds no serious
// violation; every chart is an image with a name and has its table, holding the same
// figures; a call is taken and its receipt read out group by group.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  TestServer, launchBrowser, newContext, httpsPostJson, artifacts, assertAccessible, consoleUser,
} from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await TestServer.start();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The month before this one, `YYYY-MM` (UTC): the last the statistics cover. */
function lastMonth() {
  const d = new Date();
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  return first.toISOString().slice(0, 7);
}

test('the statistics page charts each table beside it and passes axe-core', async () => {
  const regions = ['auckland', 'canterbury', 'otago'];
  for (let i = 0; i < 24; i++) {
    const r = await httpsPostJson(`${server.base}/api/v1/tips`, server.ca, {
      category: i % 3 ? 'forced_labour' : 'worker_exploitation',
      body: `They keep our passports at the packhouse (${i}).`,
      region: regions[i % 3],
    });
    assert.equal(r.status, 201, r.body);
  }
  // Into last month, so that they count: statistics cover only months that have ended.
  const month = lastMonth();
  const moved = spawnSync('sqlite3', [join(server.dir, 'data', 'tipline.db'),
    `PRAGMA busy_timeout = 10000; UPDATE tips SET received_on = '${month}-10';`], { encoding: 'utf8' });
  assert.equal(moved.status, 0, moved.stderr);

  const context = await newContext(browser);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // The one bad period below answers 400, which the browser reports; nothing else.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('status of 400')) problems.push(m.text());
  });
  await consoleUser(page, server, 'sam', 'supervisor');
  await page.goto(`${server.base}/console/stats?from=${month}&to=${month}`);
  assert.match(await page.textContent('#period'), new RegExp(`From ${month}-01`));

  const charts = await page.$$eval('svg[data-table]', (svgs) => svgs.map((svg) => {
    const table = document.getElementById(svg.dataset.table);
    const totals = table
      ? [...table.querySelectorAll('tbody tr:not(.total)')].map((tr) => tr.lastElementChild.textContent.trim())
      : null;
    return {
      role: svg.getAttribute('role'),
      name: svg.getAttribute('aria-label'),
      values: [...svg.querySelectorAll('text.chart-value')].map((t) => t.textContent.trim()),
      caption: table?.querySelector('caption')?.textContent ?? null,
      totals,
    };
  }));
  assert.equal(charts.length, 6);
  for (const chart of charts) {
    assert.equal(chart.role, 'img');
    assert.ok(chart.name && chart.name.includes('table'), chart.name);
    assert.ok(chart.caption, 'each chart has its table, with a caption');
    assert.deepEqual(chart.values, chart.totals, 'the chart shows the table\'s row totals');
    for (const v of chart.values) assert.ok(v === 'S' || Number(v) % 3 === 0, v);
  }
  // 24 tips: 16 forced labour, 8 worker exploitation, 8 in each region.
  const grand = await page.textContent('#table-tips_by_month_and_category tr.total td:last-child');
  assert.ok(['21', '24', '27'].includes(grand.trim()), grand);
  assert.ok(await page.isVisible('#table-durations'));
  await assertAccessible(page, 'the statistics page');
  await page.screenshot({ path: join(artifacts, 'console-stats.png'), fullPage: true });

  // The CSV link gives the same tables.
  const csv = await page.evaluate(async () => (await fetch(document.getElementById('csv').href)).text());
  assert.match(csv, /^table,row_dimension,row,column_dimension,column,value\r\n/);

  // A bad period is said in words, on the page.
  await page.goto(`${server.base}/console/stats?from=2025-13`);
  assert.match(await page.textContent('#stats-error'), /expected a month/);
  await assertAccessible(page, 'the statistics page with an error');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a call is taken in the console and its receipt read out, and both pages pass axe-core', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await consoleUser(page, server, 'tui');
  await page.goto(`${server.base}/console/phone`);
  assert.ok(await page.isVisible('#no-caller-id'));
  await assertAccessible(page, 'the phone report form');
  await page.check('#category-trafficking');
  await page.selectOption('#region', 'nelson');
  await page.fill('#location', 'Motueka');
  await page.fill('#account', 'The caller works on a fishing boat out of Nelson; the skipper holds their passports.');
  await page.fill('#language', 'Kiribati');
  await page.check('#interpreter');
  await Promise.all([page.waitForNavigation(), page.click('#phone-report button[type=submit]')]);
  const receipt = (await page.textContent('#receipt')).trim();
  assert.match(receipt, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  const groups = await page.$$eval('#spelling tbody tr', (rows) => rows.map((r) => r.children[1].textContent));
  assert.deepEqual(groups, receipt.split('-'));
  await assertAccessible(page, 'the receipt read to the caller');
  await page.screenshot({ path: join(artifacts, 'console-phone-receipt.png'), fullPage: true });

  await page.goto(`${server.base}/console/phone/follow-up`);
  await page.fill('#receipt', receipt.toLowerCase());
  await Promise.all([page.waitForNavigation(), page.click('#code-form button')]);
  assert.match(await page.textContent('#status'), /waiting to be read/);
  await assertAccessible(page, 'the phone follow-up page');
  await context.close();
});
