// The review console in Chromium: a handler signs in with password and TOTP, claims a
// tip, restores one span, adds a redaction by selecting text, forwards to two agencies;
// each agency then leases a case whose body is exactly the preview the handler saw.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  TestServer, launchBrowser, newContext, httpsPostJson, artifacts, totp, now, handlerSession, consoleUser,
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page (evaluated through DevTools, so the page policy is
 *  untouched) and fails on serious or critical violations. */
async function assertAccessible(page, what) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(bad, [], `${what} has accessibility violations`);
}

/** Selects the first occurrence of `text` in the original pane, as a mouse drag would. */
async function selectInOriginal(page, text) {
  await page.evaluate((wanted) => {
    const root = document.getElementById('original');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(wanted);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
    }
    throw new Error(`${wanted} not found in the original`);
  }, text);
  await page.waitForFunction(() => !document.getElementById('add-button').disabled);
}

async function signIn(page, user, code = '') {
  await page.goto(`${server.base}/console/login`);
  await page.fill('#username', user.username);
  await page.fill('#password', user.password);
  await page.fill('#totp', code);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

/** The preview once the server has answered for the latest change. */
async function previewText(page) {
  await page.waitForSelector('#preview[aria-busy="false"]');
  return page.textContent('#preview');
}

test('a handler reviews a tip in the browser and the agencies get exactly the preview', async () => {
  const ana = server.addHandler('ana', 'handler');
  // Macrons before the selections test the UTF-16 / UTF-8 offset conversion; the same
  // number written twice tests placeholder numbering against the server's.
  const tip = 'Ko Mere Tāwhiri tōku ingoa. Call me on 021 555 1234 or 0215551234 or ' +
    'mere.t@example.co.nz. Rangi is on 027 444 9876. We work nights at the Foxton packhouse. ' +
    'The boss at Ōtaki Orchard keeps our passports.';
  for (const [category, body] of [['trafficking', tip], ['worker_exploitation', 'They pay us $4 an hour.']]) {
    const submitted = await httpsPostJson(`${server.base}/api/v1/tips`, server.ca, { category, body });
    assert.equal(submitted.status, 201, submitted.body);
  }

  const context = await newContext(browser);
  const page = await context.newPage();
  const problems = [];
  // The one failed sign-in below answers 401, which the browser reports; nothing else.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('status of 401')) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));

  // Password first: an authenticator is required, so the console leads only to
  // setting one up; the recovery codes are shown once.
  await signIn(page, ana);
  assert.match(page.url(), /\/console\/account$/);
  assert.ok(await page.isVisible('#totp-required'));
  await Promise.all([page.waitForNavigation(), page.click('#totp-start')]);
  assert.ok(await page.isVisible('img.qr'), 'the QR code is shown');
  const secret = (await page.textContent('#totp-secret')).trim();
  await page.fill('#code', totp(secret, now()));
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/totp/confirm"] button')]);
  assert.match(await page.textContent('#notice'), /authenticator is set up/);
  assert.equal((await page.$$('#recovery-codes li')).length, 10);
  await assertAccessible(page, 'the account page with recovery codes');
  await Promise.all([page.waitForNavigation(), page.click('header form button')]);

  // Now a sign-in needs the code (a fresh one: each is good once).
  await signIn(page, ana);
  assert.match(await page.textContent('#login-error'), /invalid username or password/);
  await signIn(page, ana, totp(secret, now() + 30));
  assert.match(page.url(), /\/console\/queue$/);

  // The worker drafts the tips; they show in the queue, oldest first.
  for (let i = 0; i < 100 && (await page.$$('#pending tr[data-tip]')).length < 2; i++) {
    await new Promise((r) => setTimeout(r, 200));
    await page.reload();
  }
  const ids = await page.$$eval('#pending tr[data-tip]', (rows) => rows.map((r) => r.dataset.tip));
  assert.equal(ids.length, 2);

  // Bob claims the second through the API; the queue shows who holds it.
  const { cookie } = await handlerSession(browser, server, 'bob');
  const claimed = await httpsPostJson(`${server.base}/api/v1/review/tips/${ids[1]}/claim`, server.ca, {},
    { cookie });
  assert.equal(claimed.status, 200, claimed.body);
  await page.reload();
  assert.match(await page.textContent(`#in-review tr[data-tip="${ids[1]}"] .holder`), /bob/);
  assert.match(await page.textContent('#pending'), /trafficking/);
  await assertAccessible(page, 'the queue');
  await page.screenshot({ path: join(artifacts, 'console-queue.png'), fullPage: true });

  // Claim with one click; the review page opens.
  await Promise.all([page.waitForNavigation(), page.click(`#pending tr[data-tip="${ids[0]}"] button`)]);
  assert.match(page.url(), /\/console\/tips\/[0-9a-f]{16}$/);
  await page.waitForFunction(() => window.tiplineReview !== undefined);
  const marks = await page.$$eval('#original mark.span', (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.includes('021 555 1234'), `the phone is proposed: ${marks}`);
  assert.ok(!(await previewText(page)).includes('021 555 1234'));

  // Keyboard: next span and toggle, then toggle back.
  const before = await previewText(page);
  await page.keyboard.press('j');
  await page.keyboard.press('t');
  assert.notEqual(await previewText(page), before);
  await page.keyboard.press('t');
  assert.equal(await previewText(page), before);

  // Mouse: restore the phone number span.
  await page.click('#original mark.span:text-is("021 555 1234")');
  const preview = await previewText(page);
  assert.ok(preview.includes('021 555 1234'), preview);
  // "Call me on ..." is the reporter's own number: the page warns.
  assert.match(await page.textContent('#add-message'), /reporter's own/);
  assert.ok(await page.isChecked(`#keep-${await page.getAttribute('#original mark.span:text-is("021 555 1234")', 'data-index')}`));

  // Select text in the original and redact it: an address with the mouse's button,
  // a name with the keyboard shortcut.
  await selectInOriginal(page, 'Ōtaki Orchard');
  await page.selectOption('#add-kind', 'ADDRESS');
  await page.click('#add-button');
  await selectInOriginal(page, 'Foxton packhouse');
  await page.focus('#original mark.span');
  await page.keyboard.press('r');
  const shown = await previewText(page);
  // Numbered in order of appearance: the packhouse comes first.
  assert.ok(shown.includes('nights at the [ADDRESS-1].'), shown);
  assert.ok(shown.includes('The boss at [ADDRESS-2] keeps'), shown);
  assert.ok(shown.includes('Call me on 021 555 1234 or [PHONE-1] or'), shown);
  assert.ok(shown.includes(' is on [PHONE-2].'), shown);
  assert.ok(!shown.includes('Ōtaki') && !shown.includes('Foxton'), shown);

  // Police and MBIE are suggested for trafficking; the Labour Inspectorate is not.
  assert.ok(await page.isChecked('#agency-police'));
  assert.ok(await page.isChecked('#agency-mbie'));
  assert.ok(!(await page.isChecked('#agency-labour-inspectorate')));
  await page.fill('#note', 'restored the phone: it is the employer\'s');
  await assertAccessible(page, 'the review page');
  await page.screenshot({ path: join(artifacts, 'console-review.png'), fullPage: true });

  // Forward with the keyboard shortcut (focus outside any field).
  await page.focus('#original mark.span');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('f')]);
  assert.match(page.url(), /\/console\/tips\/[0-9a-f]{16}\?done=forwarded$/);
  assert.match(await page.textContent('#done'), /^Forwarded\./);
  assert.match(await page.textContent('#cases'), /New Zealand Police/);
  await assertAccessible(page, 'the forwarded tip\'s page');
  assert.deepEqual(problems, [], 'no script errors or policy violations');
  await context.close();

  for (const agency of ['police', 'mbie']) {
    const token = server.agencyToken(agency);
    const leased = await httpsPostJson(`${server.base}/api/v1/agency/cases/lease`, server.ca,
      { max: 10, lease_seconds: 60 }, { authorization: `Bearer ${token}` });
    assert.equal(leased.status, 200, leased.body);
    const cases = JSON.parse(leased.body).cases;
    assert.equal(cases.length, 1, agency);
    assert.equal(cases[0].body, shown, `${agency} receives exactly the preview`);
  }
});

test('the console pages carry the strict policy and work without third-party assets', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(server.base) && !r.url().startsWith('data:')) external.push(r.url()); });
  const response = await page.goto(`${server.base}/console/login`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self'/);
  assert.equal(await page.getAttribute('#username', 'autocomplete'), 'username');
  await assertAccessible(page, 'the sign-in page');
  assert.deepEqual(external, []);
  await context.close();
});

test('a handler at work keeps their claim; the page renews it at half its lifetime', async () => {
  const short = await TestServer.start({ TIPLINE_REVIEW__CLAIM_MINUTES: '1' });
  try {
    const { cookie } = await handlerSession(browser, short, 'sam', 'supervisor');
    const submitted = await httpsPostJson(`${short.base}/api/v1/tips`, short.ca,
      { category: 'slavery', body: 'They lock the gate at night. Call 021 555 1234.' });
    assert.equal(submitted.status, 201);
    const context = await newContext(browser);
    const page = await context.newPage();
    await consoleUser(page, short, 'kiri');
    for (let i = 0; i < 100 && !(await page.$('#pending tr[data-tip]')); i++) {
      await new Promise((r) => setTimeout(r, 200));
      await page.reload();
    }
    await Promise.all([page.waitForNavigation(), page.click('#pending button')]);
    const id = page.url().split('/').pop();
    await page.waitForFunction(() => window.tiplineReview !== undefined);
    await new Promise((r) => setTimeout(r, 31_000));
    await page.keyboard.press('j');

    let claims = 0;
    for (let i = 0; i < 50 && claims < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const log = await new Promise((ok, fail) => {
        const req = https.get(`${short.base}/api/v1/review/audit?tip=${id}`, { ca: short.ca, headers: { cookie } }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => ok(JSON.parse(body)));
        });
        req.on('error', fail);
      });
      claims = log.entries.filter((e) => e.action === 'claim').length;
    }
    assert.equal(claims, 2, 'the claim was renewed');
    await context.close();
  } finally {
    await short.stop();
  }
});
