// Files in the browser: a reporter without JavaScript sends a photo with the form; the
// handler sees the stripped copy on the review page (which passes axe-core), blacks out
// a rectangle with the page's form, ticks the file and forwards it. With JavaScript on,
// the files are sealed in the browser: what is posted and stored is only sealed chunks,
// and the handler still sees the stripped copy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { TestServer, launchBrowser, newContext, assertAccessible, artifacts, consoleUser, openFirstTip } from './harness.mjs';

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
  await openFirstTip(page, { files: true });
  const image = page.locator('img.attachment-preview');
  assert.equal(await image.evaluate((img) => img.naturalWidth), 120, 'the stripped copy shows inline');
  await assertAccessible(page, 'the review page with a file');
  await page.screenshot({ path: join(artifacts, 'console-review-attachment.png'), fullPage: true });

  // Black out the yellow rectangle by dragging over it: the form takes its pixels.
  const blackOut = page.locator('form.black-out');
  await image.scrollIntoViewIfNeeded();
  const box = await image.evaluate((img) => {
    const r = img.getBoundingClientRect();
    return { x: r.left + img.clientLeft, y: r.top + img.clientTop, width: img.clientWidth };
  });
  const scale = box.width / 120;
  await page.mouse.move(box.x + 10.5 * scale, box.y + 10.5 * scale);
  await page.mouse.down();
  await page.mouse.move(box.x + 30 * scale, box.y + 25 * scale);
  await page.mouse.move(box.x + 50.5 * scale, box.y + 40.5 * scale);
  await page.mouse.up();
  const fields = await Promise.all(['x', 'y', 'width', 'height'].map((n) => blackOut.getByLabel(n).inputValue()));
  assert.deepEqual(fields, ['10', '10', '40', '30'], 'the dragged rectangle, in the image\'s pixels');
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

const CANARY = 'CANARY-BROWSER-SEALED-5521';

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** The PNG with a text chunk after its header: metadata the stripped copy must lose. */
function withTextChunk(png, text) {
  const data = Buffer.from(`Comment\0${text}`, 'latin1');
  const type = Buffer.from('tEXt', 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length);
  const headerEnd = 8 + 25; // the signature, then IHDR
  return Buffer.concat([png.subarray(0, headerEnd), chunk, png.subarray(headerEnd)]);
}

/** Rows of the stored chunks, read with Python's sqlite3 (the server's own file). */
function storedChunks(server) {
  const script = 'import sqlite3,sys,json\n'
    + 'db=sqlite3.connect(sys.argv[1])\n'
    + 'print(json.dumps([[a,n,c.hex()] for a,n,c in db.execute("SELECT attachment_id,n,ct FROM attachment_chunks ORDER BY attachment_id,n")]))';
  const r = spawnSync('python3', ['-c', script, join(server.dir, 'data', 'tipline.db')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** What a sealed file holds: its line of JSON and its chunks (src/intake/upload.rs). */
function framesOf(bytes) {
  const end = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.subarray(0, end).toString('utf8'));
  const chunks = [];
  for (let at = end + 1; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    chunks.push(bytes.subarray(at + 4, at + 4 + length).toString('hex'));
    at += 4 + length;
  }
  return { header, chunks };
}

/** Records every form the page submits (each entry, files as bytes) before it goes. */
async function recordSubmissions(page) {
  const submitted = [];
  await page.exposeBinding('recordSubmission', (_, entries) => submitted.push(entries));
  await page.addInitScript(() => {
    const submit = HTMLFormElement.prototype.submit;
    HTMLFormElement.prototype.submit = function recorded() {
      const form = this;
      const entries = [...new FormData(form)].map(async ([name, value]) => [
        name,
        typeof value === 'string' ? value : { file: [...new Uint8Array(await value.arrayBuffer())] },
      ]);
      Promise.all(entries).then((all) => window.recordSubmission(all)).then(() => submit.call(form));
    };
  });
  return submitted;
}

test('with JavaScript on, files are sealed in the browser and the handler sees the stripped copies', async () => {
  const png = withTextChunk(await drawnPng(), CANARY);
  const reporter = await newContext(browser);
  const form = await reporter.newPage();
  const submitted = await recordSubmissions(form);
  await form.goto(`${server.base}/?lang=en`);
  await form.locator('#category-worker_exploitation').check();
  await form.locator('#body').fill('Pay slips and the room, attached.');

  // A file that is not what its name says: a clear message, and nothing is sent.
  const files = form.getByLabel(/Photos or documents/);
  await files.setInputFiles({ name: 'payslip.png', mimeType: 'image/png', buffer: Buffer.from('MZ\x90\0\x03 a program, not a photo', 'latin1') });
  await form.locator('#report button[type=submit]').click();
  await form.locator('#files-error').waitFor();
  assert.match(await form.textContent('#files-error'), /not a photo .* payslip\.png/);
  assert.equal(submitted.length, 0, 'nothing was sent');

  const notes = Buffer.from(`${CANARY} the manager keeps our passports\n`);
  await files.setInputFiles([
    { name: 'room.png', mimeType: 'image/png', buffer: png },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: notes },
  ]);
  await Promise.all([form.waitForNavigation(), form.locator('#report button[type=submit]').click()]);
  assert.ok(await form.isVisible('#receipt'));
  await reporter.close();

  // What was posted: the sealed tip and two sealed files, nothing in the clear.
  assert.equal(submitted.length, 1);
  const names = submitted[0].map(([name]) => name);
  assert.ok(!names.includes('attachments') && !names.includes('body'), names.join());
  const sealed = submitted[0].filter(([name]) => name === 'sealed_attachments').map(([, v]) => Buffer.from(v.file));
  assert.equal(sealed.length, 2);
  for (const file of sealed) assert.equal(file.indexOf(CANARY), -1, 'no file content in the clear');
  const frames = sealed.map(framesOf);
  assert.deepEqual(frames.map((f) => f.header.kind), ['png', 'text']);

  // What was stored: exactly those sealed chunks, which the service could not have made.
  const expected = frames.flatMap((f) => f.chunks.map((c, n) => [f.header.id, n, c]));
  expected.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const ids = frames.map((f) => f.header.id);
  assert.deepEqual(storedChunks(server).filter(([id]) => ids.includes(id)), expected);

  // The handler sees the stripped copies, the photo without its text chunk.
  const context = await newContext(browser);
  const page = await context.newPage();
  await consoleUser(page, server, 'mere');
  await openFirstTip(page, { files: true });
  const image = page.locator('img.attachment-preview');
  assert.equal(await image.evaluate((img) => img.naturalWidth), 120);
  const copy = await image.evaluate(async (img) => [...new Uint8Array(await (await fetch(img.src)).arrayBuffer())]);
  assert.equal(Buffer.from(copy).indexOf(CANARY), -1, 'the text chunk is gone from the copy');
  assert.equal(await page.locator('input[name="attachment"]').count(), 2, 'both files can be sent');
  await context.close();
});

test('with JavaScript on, files added on /follow-up are sealed in the browser too', async () => {
  const reporter = await newContext(browser);
  const form = await reporter.newPage();
  await form.goto(`${server.base}/?lang=en`);
  await form.locator('#category-other').check();
  await form.locator('#body').fill('A report to add a file to later.');
  await Promise.all([form.waitForNavigation(), form.locator('#report button[type=submit]').click()]);
  const receipt = (await form.textContent('#receipt')).trim();
  const submitted = await recordSubmissions(form);
  await form.goto(`${server.base}/follow-up?lang=en`);
  await form.fill('#receipt', receipt);
  await Promise.all([form.waitForNavigation(), form.locator('button[type=submit]').click()]);
  await form.fill('#answer', 'The contract they made us sign.');
  await form.getByLabel(/Photos or documents/).setInputFiles({ name: 'contract.txt', mimeType: 'text/plain', buffer: Buffer.from(`${CANARY} contract\n`) });
  await Promise.all([form.waitForNavigation(), form.locator('#answer-form button[type=submit]').click()]);
  assert.match(await form.textContent('body'), /Thank you/);
  const answer = submitted.at(-1);
  const names = answer.map(([name]) => name);
  assert.ok(names.includes('sealed_attachments') && !names.includes('attachments'), names.join());
  const file = Buffer.from(answer.find(([name]) => name === 'sealed_attachments')[1].file);
  assert.equal(file.indexOf(CANARY), -1);
  assert.equal(framesOf(file).header.kind, 'text');
  await reporter.close();
});
