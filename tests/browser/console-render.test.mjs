// The review page's preview must be exactly what `ApprovedRedaction::approve` forwards.
// console.js mirrors `redaction::span::{normalise, render}`; this checks the mirror
// against the binary (`tipline redact --jsonl`) on texts chosen to be awkward: macrons,
// astral characters, the same value written differently, many kinds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { binary } from './harness.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** console.js in a bare context (no page), returning its rendering of `spans`. */
function loadPreview() {
  const context = vm.createContext({ document: { addEventListener() {} }, window: {} });
  vm.runInContext(readFileSync(join(repo, 'static', 'console.js'), 'utf8'), context);
  return vm.runInContext(
    '(text, spans) => { const o = new Offsets(text); return render(text, o, normalise(spans, o.bytes)); }',
    context,
  );
}

const texts = [
  'Ko Mere Tāwhiri tōku ingoa. Call me on 021 555 1234 or 0215551234 or +64 21 555 1234.',
  'Email ARI@EXAMPLE.NZ or ari@example.nz 🙂 — ring 09 555 1234 — 🙂 IP 10.1.2.3.',
  'Ōtautahi: Ngāti Porou whānau, bank 12-3140-0123456-00, card 4111 1111 1111 1111.',
  'His plate is ABC123 and his IRD is 49-091-850, passport LA123456; www.example.com/x.',
  'No details here at all, just a long story about the orchard and the boss.',
  'Andrew Potter hit Sam Lee at the packhouse. Andrew left; andrew.potter@example.com.',
];

test('the preview script renders spans exactly as the server does', () => {
  const preview = loadPreview();
  const input = texts.map((text, i) => JSON.stringify({ id: String(i), text })).join('\n');
  const run = spawnSync(binary, ['redact', '--jsonl'], { input, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, texts.length);
  let spans = 0;
  for (const line of lines) {
    const text = texts[Number(line.id)];
    spans += line.spans.length;
    assert.equal(preview(text, line.spans), line.redacted, text);
  }
  assert.ok(spans >= 6, `the texts exercise the engine (${spans} spans)`);
});

test('overlapping spans merge as normalise does: the higher kind, then the longer, names it', () => {
  const preview = loadPreview();
  const text = 'abcdefghij ABCDEFGHIJ';
  assert.equal(
    preview(text, [{ start: 2, end: 5, kind: 'IP' }, { start: 0, end: 8, kind: 'URL' }]),
    '[URL-1]ij ABCDEFGHIJ',
  );
  assert.equal(
    preview(text, [{ start: 0, end: 8, kind: 'NAME' }, { start: 2, end: 9, kind: 'EMAIL' }]),
    '[EMAIL-1]j ABCDEFGHIJ',
  );
  assert.equal(
    preview(text, [{ start: 0, end: 3, kind: 'NAME' }, { start: 1, end: 9, kind: 'NAME' }]),
    '[NAME-1]j ABCDEFGHIJ',
  );
  // A first name alone takes the full name's number.
  assert.equal(
    preview('Andrew Potter hit Sam Lee. Andrew left.', [
      { start: 0, end: 13, kind: 'NAME' }, { start: 18, end: 25, kind: 'NAME' }, { start: 27, end: 33, kind: 'NAME' },
    ]),
    '[NAME-1] hit [NAME-2]. [NAME-1] left.',
  );
  // Same value, different case and punctuation: same number.
  assert.equal(
    preview(text, [{ start: 0, end: 10, kind: 'NAME' }, { start: 11, end: 21, kind: 'NAME' }]),
    '[NAME-1] [NAME-1]',
  );
});
