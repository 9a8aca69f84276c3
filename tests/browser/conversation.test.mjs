// The conversation and roles in Chromium: a tip naming the reporter and their boss
// arrives with the boss kept and the reporter redacted; the handler flips a role with
// one key and the preview follows. The reporter's answer is reviewed beside the tip with
// its own spans and preview, and reaches the agency as an update, exactly as shown.
// Every page of the review stays within a 390 px phone and passes axe-core, with the
// console's script and without it.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  TestServer, launchBrowser, newContext, httpsPostJson, artifacts, assertAccessible,
  consoleUser, sidewaysScroll, PHONE,
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

/** A preview once the server has answered for the latest change. */
async function previewOf(page, id = 'preview') {
  await page.waitForSelector(`#${id}[aria-busy="false"]`);
  return page.textContent(`#${id}`);
}

/** Posts a reporter's form (no browser needed: the reporter's side has its own tests). */
async function reporterWrites(receipt, answer) {
  const body = new URLSearchParams({ receipt, answer }).toString();
  const https = await import('node:https');
  return new Promise((ok, fail) => {
    const req = https.request(`${server.base}/follow-up/answer`, {
      method: 'POST', ca: server.ca,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
    }, (res) => { res.resume(); res.on('end', () => ok(res.statusCode)); });
    req.on('error', fail);
    req.end(body);
  });
}

test('roles flip in one key, and the reporter\'s answer goes to the agency as an update', async () => {
  const tip = 'I am Mele Tupou. My boss Rangi Parata keeps our passports at the farm.';
  const submitted = await httpsPostJson(`${server.base}/api/v1/tips`, server.ca, { category: 'forced_labour', body: tip });
  assert.equal(submitted.status, 201, submitted.body);
  const { receipt } = JSON.parse(submitted.body);

  const context = await newContext(browser, PHONE);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await consoleUser(page, server, 'ana');

  // Claim, ask a question; the reporter answers with their own number.
  for (let i = 0; i < 100 && (await page.$$('#pending tr[data-tip]')).length < 1; i++) {
    await new Promise((r) => setTimeout(r, 200));
    await page.reload();
  }
  assert.ok(await sidewaysScroll(page) <= 0, 'the queue fits a 390 px phone');
  await assertAccessible(page, 'the queue at 390 px');
  await Promise.all([page.waitForNavigation(), page.click('#pending tr[data-tip] button')]);
  const url = page.url();
  await page.fill('#question', 'Can an officer call you?');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/question"] button')]);
  assert.match(await page.textContent('#done'), /Question sent/);
  assert.ok(await page.isVisible('#withdraw'), 'the question can be withdrawn');
  assert.equal(await reporterWrites(receipt, 'Yes, my number is 021 555 0199, after 6pm.'), 200);

  // Back in review: the tip, and the answer with its own spans once drafted.
  await page.goto(url.replace(/\?.*$/, ''));
  for (let i = 0; i < 50 && !(await page.$('form[action$="/claim"]')); i++) {
    await new Promise((r) => setTimeout(r, 200));
    await page.reload();
  }
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/claim"] button')]);
  for (let i = 0; i < 50 && !(await page.$('.reviewed[data-message]')); i++) {
    await new Promise((r) => setTimeout(r, 200));
    await page.reload();
  }
  await page.waitForFunction(() => window.tiplineReview !== undefined);
  const message = await page.getAttribute('.reviewed[data-message]', 'data-message');

  // By default the boss is kept and the reporter redacted.
  let shown = await previewOf(page);
  assert.ok(shown.includes('Rangi Parata') && !shown.includes('Mele Tupou'), shown);
  assert.match(await page.getAttribute('#original mark:text-is("Rangi Parata")', 'class'), /role-subject kept/);

  // One key flips the boss to a reporter's detail (redacted) and back.
  await page.focus('#original mark:text-is("Rangi Parata")');
  await page.keyboard.press('1');
  shown = await previewOf(page);
  assert.ok(!shown.includes('Rangi Parata'), shown);
  await page.keyboard.press('2');
  shown = await previewOf(page);
  assert.ok(shown.includes('Rangi Parata'), shown);

  // The answer: its own preview, the phone redacted; toggling follows there only.
  const answerPreview = `preview-m${message}`;
  let said = await previewOf(page, answerPreview);
  assert.ok(!said.includes('021 555 0199') && said.includes('[PHONE-1]'), said);
  await page.click(`#original-m${message} mark:text-is("021 555 0199")`);
  said = await previewOf(page, answerPreview);
  assert.ok(said.includes('021 555 0199'), said);
  assert.equal(await previewOf(page), shown, 'the tip\'s preview is unchanged');
  await page.click(`#original-m${message} mark:text-is("021 555 0199")`);
  said = await previewOf(page, answerPreview);
  assert.ok(!said.includes('021 555 0199'), said);

  assert.ok(await sidewaysScroll(page) <= 0, 'the review page fits a 390 px phone');
  await assertAccessible(page, 'the review page with a conversation');
  await page.screenshot({ path: join(artifacts, 'console-review-conversation-390.png'), fullPage: true });

  await page.uncheck('#agency-mbie');
  await Promise.all([page.waitForNavigation(), page.click('#forward-button')]);
  assert.match(await page.textContent('#done'), /^Forwarded\./);
  assert.ok(await sidewaysScroll(page) <= 0, 'the tip page fits a 390 px phone');
  await assertAccessible(page, 'the forwarded tip\'s page');
  assert.deepEqual(problems, [], 'no script errors or policy violations');
  await context.close();

  const token = server.agencyToken('police');
  const leased = await httpsPostJson(`${server.base}/api/v1/agency/cases/lease`, server.ca,
    { max: 10, lease_seconds: 60 }, { authorization: `Bearer ${token}` });
  const cases = JSON.parse(leased.body).cases;
  assert.deepEqual(cases.map((c) => [c.kind, c.sequence]), [['report', 0], ['update', 1]]);
  assert.equal(cases[0].body, shown);
  assert.equal(cases[1].body, said);
  assert.equal(cases[1].updates, cases[0].id);
});

test('with JavaScript off the review page shows role defaults, no dead controls, and fits a phone', async () => {
  const submitted = await httpsPostJson(`${server.base}/api/v1/tips`, server.ca,
    { category: 'worker_exploitation', body: 'I am Sione Taufa. The manager is Hemi Walker, he pays cash.' });
  assert.equal(submitted.status, 201, submitted.body);
  const on = await newContext(browser, PHONE);
  const setup = await on.newPage();
  const user = await consoleUser(setup, server, 'rua');
  const cookies = await on.cookies();
  await on.close();

  // The page's own script never runs (as with JavaScript off in the browser), while the
  // test can still measure the page and run axe-core in it.
  const context = await newContext(browser, PHONE);
  await context.route('**/static/console.js', (route) => route.abort());
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(`${server.base}/console/queue`);
  for (let i = 0; i < 50 && !(await page.$('#pending tr[data-tip] button')); i++) {
    await new Promise((r) => setTimeout(r, 200));
    await page.reload();
  }
  assert.ok(await sidewaysScroll(page) <= 0, 'the queue fits at 390 px without JavaScript');
  await Promise.all([page.waitForNavigation(), page.click('#pending tr[data-tip] button')]);
  assert.ok(!(await page.isVisible('#add-bar')), 'no dead "Redact selection" bar');
  const shown = await page.textContent('#preview');
  assert.ok(shown.includes('Hemi Walker') && !shown.includes('Sione Taufa'), shown);
  assert.ok(await sidewaysScroll(page) <= 0, 'the review page fits at 390 px without JavaScript');
  await assertAccessible(page, 'the review page without JavaScript');
  await page.screenshot({ path: join(artifacts, 'console-review-nojs-390.png'), fullPage: true });
  assert.ok(user.secret, 'the handler has an authenticator');
  await context.close();
});

test('every console page fits a 390 px phone and passes axe-core, with and without its script', async () => {
  const submitted = await httpsPostJson(`${server.base}/api/v1/tips`, server.ca,
    { category: 'other', body: 'A tip for the tip page.' });
  assert.equal(submitted.status, 201, submitted.body);
  const setup = await newContext(browser, PHONE);
  const page = await setup.newPage();
  await consoleUser(page, server, 'ari', 'admin');
  let tip;
  for (let i = 0; i < 50 && !tip; i++) {
    await page.goto(`${server.base}/console/queue`);
    tip = await page.getAttribute('#pending tr[data-tip]', 'data-tip').catch(() => null);
    if (!tip) await new Promise((r) => setTimeout(r, 200));
  }
  const cookies = await setup.cookies();
  await setup.close();
  const pages = ['/console/queue', '/console/decided', '/console/decided?scope=all', '/console/audit',
    '/console/handlers', '/console/agencies', '/console/deliveries', '/console/questions', '/console/account',
    `/console/tips/${tip}`, '/console/nope'];
  for (const script of [true, false]) {
    const context = await newContext(browser, PHONE);
    if (!script) await context.route('**/static/console.js', (route) => route.abort());
    await context.addCookies(cookies);
    const p = await context.newPage();
    for (const path of pages) {
      await p.goto(`${server.base}${path}`);
      const what = `${path} (${script ? 'with' : 'without'} the script)`;
      assert.ok(await sidewaysScroll(p) <= 0, `${what} scrolls sideways at 390 px`);
      await assertAccessible(p, what);
    }
    await context.close();
  }
});
