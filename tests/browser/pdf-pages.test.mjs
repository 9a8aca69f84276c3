// A PDF's pages in the console: a reporter sends a payslip as a PDF; the handler sees its
// page drawn as an image (the review page passes axe-core), drags a rectangle over the
// name printed on it to black it out, and ticks the page, not the document, to forward.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
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

/** A one-page PDF (300 x 200 pt) showing `line` in 24 pt Helvetica near its top. */
function pdfWithLine(line) {
  const content = `BT /F1 24 Tf 20 150 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The bounding box of the dark pixels of the page's image, in its own pixels. */
function darkBox(image) {
  return image.evaluate(async (img) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    let box = null;
    for (let y = 0; y < canvas.height; y++) {
      for (let x = 0; x < canvas.width; x++) {
        const i = (y * canvas.width + x) * 4;
        if (data[i] + data[i + 1] + data[i + 2] >= 3 * 128) continue;
        box = box
          ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x), bottom: Math.max(box.bottom, y) }
          : { left: x, top: y, right: x, bottom: y };
      }
    }
    return box;
  });
}

test('a PDF page is shown as an image, its printed name blacked out by dragging, and the page forwarded without the document', async () => {
  const reporter = await newContext(browser, { javaScriptEnabled: false });
  const form = await reporter.newPage();
  await form.goto(`${server.base}/?lang=en`);
  await form.locator('#category-worker_exploitation').check();
  await form.locator('#body').fill('My payslip: 72 hours a week, paid for 40.');
  await form.getByLabel(/Photos or documents/).setInputFiles({ name: 'payslip.pdf', mimeType: 'application/pdf', buffer: pdfWithLine('Payslip: Mere Canary') });
  await Promise.all([form.waitForNavigation(), form.locator('#report button[type=submit]').click()]);
  assert.ok(await form.isVisible('#receipt'));
  await reporter.close();

  const context = await newContext(browser);
  const page = await context.newPage();
  await consoleUser(page, server, 'ana');
  await openFirstTip(page, { files: true });
  const image = page.locator('.attachment.page img.attachment-preview');
  assert.match(await page.locator('.attachment.page h3').textContent(), /File 1, page 1: drawn as an image/);
  // 300 x 200 pt at 150 dpi, shown whole (scaled to the column) to drag on.
  assert.equal(await image.evaluate((img) => img.naturalWidth), 625, 'the page drawn at 150 dpi shows inline');
  await assertAccessible(page, 'the review page with a PDF and its page');
  await page.screenshot({ path: join(artifacts, 'console-review-pdf-page.png'), fullPage: true });

  const name = await darkBox(image);
  assert.ok(name && name.top < 150 && name.right - name.left > 200, `the name is drawn near the top: ${JSON.stringify(name)}`);
  // Drag from a little outside the name's corner to a little past the opposite one.
  await image.scrollIntoViewIfNeeded();
  const box = await image.evaluate((img) => {
    const r = img.getBoundingClientRect();
    return { x: r.left + img.clientLeft, y: r.top + img.clientTop, scale: img.clientWidth / img.naturalWidth };
  });
  const at = (x, y) => [box.x + x * box.scale, box.y + y * box.scale];
  await page.mouse.move(...at(name.left - 4, name.top - 4));
  await page.mouse.down();
  await page.mouse.move(...at((name.left + name.right) / 2, (name.top + name.bottom) / 2));
  await page.mouse.move(...at(name.right + 5, name.bottom + 5));
  await page.mouse.up();
  const blackOut = page.locator('.attachment.page form.black-out');
  const [x, y, width, height] = (await Promise.all(['x', 'y', 'width', 'height'].map((n) => blackOut.getByLabel(n).inputValue()))).map(Number);
  assert.ok(x <= name.left && y <= name.top && x + width > name.right && y + height > name.bottom,
    `the dragged rectangle covers the name, in the page's pixels: ${[x, y, width, height]} over ${JSON.stringify(name)}`);
  await Promise.all([page.waitForNavigation(), blackOut.getByRole('button', { name: 'Black out' }).click()]);
  assert.match(await page.textContent('body'), /Blacked out/);
  assert.equal(await darkBox(page.locator('.attachment.page img.attachment-preview')).then((b) => b && `${b.left},${b.top},${b.right},${b.bottom}`),
    `${x},${y},${x + width - 1},${y + height - 1}`, 'what is dark on the page now is the black rectangle alone');

  // The page and the document are ticked apart; only the page goes.
  const document = page.getByLabel(/the PDF document itself: its words cannot be blacked out/);
  const pageTick = page.getByLabel(/File 1, page 1 \(image\)/);
  assert.equal(await document.isChecked(), false);
  await pageTick.check();
  await Promise.all([page.waitForNavigation(), page.click('#forward-button')]);
  assert.match(await page.textContent('body'), /Forwarded/);
  await context.close();
});
