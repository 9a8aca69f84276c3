// Every reporter language on a phone: the form passes axe-core, no page scrolls
// sideways at 390 px, and the language menu works with JavaScript off. The languages
// are the ones the page's own menu offers, so a new one is tested without a change here.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { TestServer, launchBrowser, newContext, artifacts, assertAccessible } from './harness.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

let server;
let browser;
let languages;
before(async () => {
  // Each language posts several times; the limit per client is not under test here.
  server = await TestServer.start({ TIPLINE_INTAKE__RATE_LIMIT_PER_MINUTE: '1000' });
  browser = await launchBrowser();
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.base}/`);
  languages = await page.locator('ul.languages a').evaluateAll((links) => links.map((a) => a.getAttribute('lang')));
  await context.close();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** How far the page scrolls sideways (0 when it does not). */
async function sideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function assertNoSidewaysScroll(page, what) {
  const overflow = await sideways(page);
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px at 390 px`);
}

async function submit(page) {
  await Promise.all([page.waitForNavigation(), page.locator('main form button[type=submit]').first().click()]);
}

test('the menu offers all fourteen languages', () => {
  assert.deepEqual(languages, ['en', 'mi', 'sm', 'to', 'fj', 'bi', 'tpi', 'gil', 'tl', 'vi', 'es', 'hi', 'pa', 'zh-Hans']);
});

test('axe-core finds no serious or critical violation on the form in any language', async () => {
  const context = await newContext(browser, PHONE);
  const page = await context.newPage();
  for (const lang of languages) {
    await page.goto(`${server.base}/?lang=${lang}`);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    await assertAccessible(page, `form (${lang})`);
  }
  await context.close();
});

test('no reporter page scrolls sideways at 390 px in any language', async () => {
  const context = await newContext(browser, PHONE);
  const page = await context.newPage();
  for (const lang of languages) {
    await page.goto(`${server.base}/?lang=${lang}`);
    await assertNoSidewaysScroll(page, `form (${lang})`);
    if (['sm', 'gil', 'pa'].includes(lang)) {
      await page.screenshot({ path: join(artifacts, `reporter-form-390-${lang}.png`), fullPage: true });
    }
    // A report of blanks: the answer says what was wrong.
    await page.locator('#category-other').check();
    await page.locator('#body').fill('   ');
    await submit(page);
    await assertNoSidewaysScroll(page, `form with an error (${lang})`);

    await page.goto(`${server.base}/?lang=${lang}`);
    await page.locator('#category-other').check();
    await page.locator('#body').fill(`Layout check in ${lang}: the supervisor holds our passports.`);
    await submit(page);
    await page.waitForSelector('#receipt');
    await assertNoSidewaysScroll(page, `receipt (${lang})`);
    const receipt = (await page.textContent('#receipt')).trim();

    await page.goto(`${server.base}/follow-up?lang=${lang}`);
    await assertNoSidewaysScroll(page, `follow-up (${lang})`);
    await page.locator('#receipt').fill('0000-0000-0000-0000-0000');
    await submit(page);
    await assertNoSidewaysScroll(page, `follow-up, not found (${lang})`);
    await page.locator('#receipt').fill(receipt);
    await submit(page);
    assert.ok(await page.getAttribute('#status', 'data-status'));
    await assertNoSidewaysScroll(page, `status (${lang})`);
  }
  await context.close();
});

test('the language menu works on a phone with JavaScript off', async () => {
  const context = await newContext(browser, { ...PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.base}/follow-up?lang=en`);
  for (const lang of languages) {
    const link = page.locator(`ul.languages a[lang="${lang}"]`);
    const box = await link.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${lang}: the link is off the screen (${JSON.stringify(box)})`);
    assert.ok(box.height >= 24 && box.width >= 24, `${lang}: the link is smaller than 24 px (${JSON.stringify(box)})`);
    await Promise.all([page.waitForNavigation(), link.tap()]);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(new URL(page.url()).pathname, '/follow-up');
    assert.equal(await page.getAttribute(`ul.languages a[lang="${lang}"]`, 'aria-current'), 'true');
    // Until a fluent speaker confirms it, a translation says it is being checked.
    assert.equal(await page.locator('p.checking').count(), lang === 'en' ? 0 : 1);
  }
  await page.screenshot({ path: join(artifacts, 'reporter-follow-up-390-zh-Hans.png'), fullPage: true });
  await context.close();
});
