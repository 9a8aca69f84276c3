// The harness itself: the real server starts, Chromium reaches it over TLS.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { TestServer, launchBrowser, newContext } from './harness.mjs';

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

test('Chromium reaches the service over TLS and sees HSTS', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const response = await page.goto(`${server.base}/healthz`);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['strict-transport-security'], /max-age=\d+/);
  assert.match(await page.textContent('body'), /"status":"ok"/);
  await context.close();
});
