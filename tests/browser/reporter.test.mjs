// The reporter's side in headless Chromium: the tip sealed in the browser (the request
// holds only the envelope) reaches the handler word for word; the form works with
// JavaScript off; the receipt is in no URL; every request goes to the service alone;
// padding hides the length; axe-core finds no serious accessibility problem.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import { join } from 'node:path';
import {
  TestServer, launchBrowser, newContext, artifacts, assertAccessible as axe, handlerSession,
} from './harness.mjs';

const POW_DIFFICULTY = 12;

let server;
let browser;
let cookie;
before(async () => {
  server = await TestServer.start({ TIPLINE_INTAKE__POW_DIFFICULTY: String(POW_DIFFICULTY) });
  browser = await launchBrowser();
  ({ cookie } = await handlerSession(browser, server, 'hemi'));
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

function request(method, path, json, headers = {}) {
  return new Promise((ok, fail) => {
    const data = json === undefined ? '' : JSON.stringify(json);
    const req = https.request(`${server.base}${path}`, {
      method, ca: server.ca,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...headers },
    }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end(data);
  });
}

/** The handler's view of the tip whose original text includes `needle`. */
async function handlerSees(needle) {
  for (let i = 0; i < 100; i++) {
    const list = JSON.parse((await request('GET', '/api/v1/review/tips?status=pending_review', undefined, { cookie })).body);
    for (const tip of list.tips) {
      // Only the handler holding the claim may read a tip.
      await request('POST', `/api/v1/review/tips/${tip.id}/claim`, undefined, { cookie });
      const view = JSON.parse((await request('GET', `/api/v1/review/tips/${tip.id}`, undefined, { cookie })).body);
      if (view.original.includes(needle)) return view;
      await request('POST', `/api/v1/review/tips/${tip.id}/release`, undefined, { cookie });
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tip with ${needle} reached the handler`);
}

/** A page that records every request and every URL it visits. */
async function watchedPage(context) {
  const page = await context.newPage();
  const requests = [];
  const visited = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() ?? '' }));
  page.on('framenavigated', (f) => visited.push(f.url()));
  return { page, requests, visited };
}

function assertOnlyOurHost(requests) {
  for (const r of requests) {
    assert.ok(r.url.startsWith(`${server.base}/`), `a request left the service: ${r.url}`);
  }
}

function assertReceiptNowhere(receipt, urls) {
  const canonical = receipt.replace(/-/g, '');
  for (const url of urls) {
    assert.ok(!url.includes(receipt) && !url.toUpperCase().includes(canonical), `receipt in a URL: ${url}`);
  }
}

test('with JavaScript on, the tip is sealed in the browser and the handler reads it exactly', async () => {
  const context = await newContext(browser);
  const { page, requests, visited } = await watchedPage(context);
  await page.goto(`${server.base}/?lang=en`);
  const text = 'Kei te pupuri te rangatira i ō mātou uruwhenua.\nThe boss keeps our passports — 12 of us, unpaid since March. 老板扣留护照。';
  await page.getByLabel(/Worker exploitation/).check();
  await page.getByLabel('What is happening?').fill(text);
  await page.getByLabel(/Town or region/).fill('Motueka');
  await page.screenshot({ path: join(artifacts, 'reporter-form.png'), fullPage: true });
  const started = Date.now();
  await Promise.all([page.waitForURL(`${server.base}/?lang=en`, { waitUntil: 'load' }), page.getByRole('button', { name: 'Send the report' }).click()]);
  await page.waitForSelector('#receipt');
  const elapsed = Date.now() - started;
  const receipt = (await page.textContent('#receipt')).trim();
  assert.match(receipt, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  await page.screenshot({ path: join(artifacts, 'reporter-receipt-js.png'), fullPage: true });

  const posts = requests.filter((r) => r.method === 'POST');
  assert.equal(posts.length, 1, JSON.stringify(posts.map((p) => p.url)));
  const fields = new URLSearchParams(posts[0].body);
  // `submission` is the form's random one-time token, not content.
  assert.deepEqual([...fields.keys()].sort(), ['lang', 'pow_challenge', 'pow_nonce', 'sealed', 'submission']);
  const sealed = JSON.parse(fields.get('sealed'));
  assert.deepEqual(Object.keys(sealed).sort(), ['ct', 'enc', 'key_id']);
  for (const secret of ['passports', 'Motueka', 'uruwhenua', 'worker_exploitation', '护照']) {
    assert.ok(!posts[0].body.includes(secret) && !decodeURIComponent(posts[0].body).includes(secret), `${secret} left the browser unsealed`);
  }
  // The padded plaintext is in the 2 KiB bucket: 2048 bytes + the 16-byte tag.
  assert.equal(Buffer.from(sealed.ct, 'base64url').length, 2048 + 16);
  console.log(`# JS submit with proof of work at difficulty ${POW_DIFFICULTY}: ${elapsed} ms from click to receipt`);

  const view = await handlerSees('uruwhenua');
  assert.equal(view.original, `${text}\n\nLocation: Motueka`);
  assert.equal(view.category, 'worker_exploitation');

  assertOnlyOurHost(requests);
  assertReceiptNowhere(receipt, [...visited, ...requests.map((r) => r.url), page.url()]);
  await context.close();
});

test('with JavaScript off, the form still works, sealed by the server on arrival', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  const { page, requests, visited } = await watchedPage(context);
  await page.goto(`${server.base}/?lang=mi`);
  assert.equal(await page.getAttribute('html', 'lang'), 'mi');
  await page.locator('#category-forced_labour').check();
  await page.locator('#body').fill('No JavaScript here: the farm manager locks the gate at night.');
  await Promise.all([page.waitForNavigation(), page.locator('#report button[type=submit]').click()]);
  const receipt = (await page.textContent('#receipt')).trim();
  assert.equal(await page.getAttribute('html', 'lang'), 'mi');
  await page.screenshot({ path: join(artifacts, 'reporter-receipt-nojs-mi.png'), fullPage: true });
  const post = requests.find((r) => r.method === 'POST');
  // The form is multipart (it may carry files): the text is its `body` part.
  assert.match(post.body, /name="body"\r\n\r\nNo JavaScript here/);
  const view = await handlerSees('locks the gate');
  assert.equal(view.original, 'No JavaScript here: the farm manager locks the gate at night.');

  // The handler asks a question.
  assert.equal((await request('POST', `/api/v1/review/tips/${view.id}/claim`, undefined, { cookie })).status, 200);
  const asked = await request('POST', `/api/v1/review/tips/${view.id}/questions`, { question: 'Which farm, and on which road?' }, { cookie });
  assert.equal(asked.status, 204, asked.body);

  // Follow-up, still without JavaScript: the code goes in a form body.
  await page.goto(`${server.base}/follow-up?lang=mi`);
  await page.locator('#receipt').fill(receipt);
  await Promise.all([page.waitForNavigation(), page.locator('main button[type=submit]').click()]);
  assert.equal(await page.getAttribute('#status', 'data-status'), 'question');
  assert.match(await page.textContent('main'), /Which farm, and on which road\?/);
  await page.screenshot({ path: join(artifacts, 'reporter-status-nojs-mi.png'), fullPage: true });
  await page.locator('#answer').fill('The kiwifruit block on Old Coach Road.');
  await Promise.all([page.waitForNavigation(), page.locator('main button[type=submit]').click()]);
  assert.equal(await page.getAttribute('#status', 'data-status'), 'waiting');
  assert.equal((await request('POST', `/api/v1/review/tips/${view.id}/claim`, undefined, { cookie })).status, 200);
  const after = JSON.parse((await request('GET', `/api/v1/review/tips/${view.id}`, undefined, { cookie })).body);
  assert.equal(after.status, 'in_review');
  assert.deepEqual(after.messages.map((m) => [m.author, m.body]), [
    ['handler', 'Which farm, and on which road?'],
    ['reporter', 'The kiwifruit block on Old Coach Road.'],
  ]);
  assertOnlyOurHost(requests);
  assertReceiptNowhere(receipt, [...visited, ...requests.map((r) => r.url), page.url()]);
  await context.close();
});

test('ciphertexts of a 10-character and a 900-character tip sealed in the browser have the same length', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.base}/`);
  const lengths = await page.evaluate(async () => {
    const { sealTip } = await import('/static/seal.js');
    const key = await (await fetch('/api/v1/intake-key')).json();
    const out = [];
    for (const body of ['a'.repeat(10), 'b'.repeat(900)]) {
      const env = await sealTip(key, { category: 'other', body });
      out.push(atob(env.ct.replace(/-/g, '+').replace(/_/g, '/')).length);
    }
    return out;
  });
  console.log(`# browser-sealed ciphertext lengths (10 and 900 characters): ${lengths.join(', ')} bytes`);
  assert.equal(lengths[0], lengths[1]);
  await context.close();
});

test('proof of work in the browser: time to solve', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.base}/`);
  const timings = await page.evaluate(async () => {
    const { solve } = await import('/static/pow.js');
    const out = {};
    for (const bits of [12, 16]) {
      const times = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await solve(`browser-timing-${bits}-${i}`, bits);
        times.push(Math.round(performance.now() - t));
      }
      out[bits] = times;
    }
    return out;
  });
  console.log(`# proof of work solve times in headless Chromium (ms, 3 runs): 12 bits ${timings[12]}, 16 bits ${timings[16]}`);
  await context.close();
});

// The form in every language: languages.test.mjs.
test('axe-core finds no serious or critical violations on the reporter pages', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.base}/follow-up`);
  await axe(page, 'follow-up');
  await page.locator('#receipt').fill('0000-0000-0000-0000-0000');
  await Promise.all([page.waitForNavigation(), page.locator('main button[type=submit]').click()]);
  await axe(page, 'follow-up, wrong code');
  await page.goto(`${server.base}/`);
  await page.locator('#category-other').check();
  await page.locator('#body').fill('axe check');
  await Promise.all([page.waitForNavigation(), page.locator('#report button[type=submit]').click()]);
  await page.waitForSelector('#receipt');
  await axe(page, 'receipt');
  // Zoom to 200%: a narrow viewport at twice the scale must not scroll sideways.
  const zoomed = await newContext(browser, { viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 });
  const z = await zoomed.newPage();
  await z.goto(`${server.base}/?lang=hi`);
  await z.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  const overflow = await z.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await z.screenshot({ path: join(artifacts, 'reporter-form-zoom200-hi.png'), fullPage: true });
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 200%`);
  await zoomed.close();
  await context.close();
});

test('with JavaScript on, a report with a file goes as the ordinary form, and the handler gets the file', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const posts = [];
  page.on('request', (r) => r.method() === 'POST' && posts.push(r.headers()['content-type'] ?? ''));
  await page.goto(`${server.base}/?lang=en`);
  await page.getByLabel(/Worker exploitation/).check();
  await page.getByLabel('What is happening?').fill('A pay slip is attached: deductions for a bed in the shed.');
  await page.getByLabel(/Photos or documents/).setInputFiles({
    name: 'payslip.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Pay slip, week 12: bed $180, transport $60, net pay $41.\n'),
  });
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Send the report' }).click()]);
  await page.waitForSelector('#receipt');
  // One post, the ordinary form: not sealed in the browser (files are still to come
  // there), but by the service as they arrive.
  assert.equal(posts.length, 1);
  assert.match(posts[0], /^multipart\/form-data; boundary=/);
  const view = await handlerSees('deductions for a bed');
  for (let i = 0; i < 100 && view.attachments[0]?.state !== 'stripped'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    Object.assign(view, JSON.parse((await request('GET', `/api/v1/review/tips/${view.id}`, undefined, { cookie })).body));
  }
  assert.equal(view.attachments.length, 1);
  assert.equal(view.attachments[0].kind, 'text');
  assert.equal(view.attachments[0].state, 'stripped');
  await request('POST', `/api/v1/review/tips/${view.id}/release`, undefined, { cookie });
  await context.close();
});

test('security headers on every reporter page, and the keyboard reaches the form', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  for (const path of ['/', '/follow-up', '/?lang=zh-Hans']) {
    const response = await page.goto(`${server.base}${path}`);
    const h = response.headers();
    assert.match(h['content-security-policy'], /default-src 'none'; script-src 'self'/);
    assert.equal(h['referrer-policy'], 'no-referrer');
    assert.equal(h['cache-control'], 'no-store');
    assert.equal(h['set-cookie'], undefined);
  }
  assert.deepEqual(await context.cookies(), []);
  await page.goto(`${server.base}/`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await context.close();
});
