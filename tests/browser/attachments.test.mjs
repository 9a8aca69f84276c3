// Files in the browser: a reporter without JavaScript sends a photo with the form; the
// handler sees the stripped copy on the review page (which passes axe-core), blacks out
// a rectangle with the page's form, ticks the file and forwards it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { TestServer, launchBrowser, newContext, assertAccessible, artifacts, consoleUser } from './harness.mjs';

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

/** A 120 x 80 PNG drawn on a canvas, as a phone's screenshot would be. */
async function drawnPng() {
  const context = await newContext(browser);
  const page = await context.newPage();
  const data = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 120;
    canvas.height = 80;
    const g = canvas.getContext('2d');
    g.fillStyle = '#3a7';
    g.fillRect(0, 0, 120, 80);
    g.fillStyle = '#fd0';
    g.fillRect(10, 10, 40, 30);
    return canvas.toDataURL('image/png').split(',')[1];
  });
  await context.close();
  return Buffer.from(data, 'base64');
}

test('a photo sent without JavaScript is reviewed, blacked out and forwarded in the console', async () => {
  const png = await drawnPng();
  const reporter = await newContext(browser, { javaScriptEnabled: false });
  const form = await reporter.newPage();
  await form.goto(`${server.base}/?lang=en`);
  await form.locator('#category-worker_exploitation').check();
  await form.locator('#body').fill('The rooms we pay for, photo attached.');
  await form.getByLabel(/Photos or documents/).setInputFiles({ name: 'room.png', mimeType: 'image/png', buffer: png });
  await Promise.all([form.waitForNavigation(), form.locator('#report button[type=submit]').click()]);
  assert.ok(await form.isVisible('#receipt'));
  await reporter.close();

  const context = await newContext(browser);
  const page = await context.newPage();
  await consoleUser(page, server, 'ana');
  for (let i = 0; i < 100 && (await page.$$('#pending tr[data-tip]')).length < 1; i++) {
    await new Promise((r) => setTimeout(r, 200));
    await page.reload();
  }
  await Promise.all([page.waitForNavigation(), page.click('#pending tr[data-tip] button')]);
  for (let i = 0; i < 100 && !(await page.$('img.attachment-preview')); i++) {
    await new Promise((r) => setTimeout(r, 200));
    await page.reload();
  }
  const image = page.locator('img.attachment-preview');
  assert.equal(await image.evaluate((img) => img.naturalWidth), 120, 'the stripped copy shows inline');
  await assertAccessible(page, 'the review page with a file');
  await page.screenshot({ path: join(artifacts, 'console-review-attachment.png'), fullPage: true });

  // Black out the yellow rectangle with the page's form.
  const blackOut = page.locator('form.black-out');
  await blackOut.getByLabel('x').fill('10');
  await blackOut.getByLabel('y').fill('10');
  await blackOut.getByLabel('width').fill('40');
  await blackOut.getByLabel('height').fill('30');
  await Promise.all([page.waitForNavigation(), blackOut.getByRole('button', { name: 'Black out' }).click()]);
  assert.match(await page.textContent('body'), /Blacked out/);
  const yellowLeft = await page.locator('img.attachment-preview').evaluate(async (img) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    return [...g.getImageData(20, 20, 1, 1).data.slice(0, 3)];
  });
  assert.deepEqual(yellowLeft, [0, 0, 0], 'the region is black in the copy');

  await page.locator('input[name="attachment"]').check();
  await Promise.all([page.waitForNavigation(), page.click('#forward-button')]);
  assert.match(await page.textContent('body'), /Forwarded/);
  await context.close();
});
