// The review console's script: the review page's span toggling, added redactions and
// live preview, with keyboard shortcuts. Everything else in the console works without it.
//
// Offsets: spans are UTF-8 byte offsets into the review text (as the server and
// `ApprovedRedaction::approve` use them); the DOM and selections count UTF-16 units.
// `Offsets` converts between the two at code-point boundaries.
//
// The preview is rendered with the same rule as `redaction::span::render` and
// `normalise` (src/redaction/span.rs); keep the two in step.
'use strict';

class Offsets {
  constructor(text) {
    this.byteToUnit = new Map();
    this.unitToByte = new Map();
    let bytes = 0;
    let units = 0;
    for (const ch of text) {
      this.byteToUnit.set(bytes, units);
      this.unitToByte.set(units, bytes);
      const cp = ch.codePointAt(0);
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      units += ch.length;
    }
    this.byteToUnit.set(bytes, units);
    this.unitToByte.set(units, bytes);
    this.bytes = bytes;
  }

  unit(byte) {
    const u = this.byteToUnit.get(byte);
    if (u === undefined) throw new Error(`byte offset ${byte} is not on a character boundary`);
    return u;
  }

  /** The byte offset of a UTF-16 offset, moved back to a code-point boundary. */
  byte(unit) {
    for (let u = unit; u >= 0; u--) {
      const b = this.unitToByte.get(u);
      if (b !== undefined) return b;
    }
    return 0;
  }
}

/** Mirrors `identity` in span.rs: alphanumerics only, lower-cased, char by char. */
function identity(value) {
  let out = '';
  for (const ch of value) {
    if (/[\p{Alphabetic}\p{N}]/u.test(ch)) out += ch.toLowerCase();
  }
  return out;
}

/** `Kind::priority` in kind.rs: where findings of two kinds overlap, the higher wins. */
const PRIORITY = {
  EMAIL: 16, HANDLE: 15, URL: 14, IP: 13, CARD: 12, BANK: 11, IRD: 10, ID: 9, NHI: 8,
  PASSPORT: 7, LICENCE: 6, PLATE: 5, PHONE: 4, DOB: 3, ADDRESS: 2, NAME: 1,
};

/** Mirrors `normalise` in span.rs for spans already on character boundaries. */
function normalise(spans, byteLength) {
  const cleaned = spans
    .map((s) => {
      const end = Math.min(s.end, byteLength);
      return { ...s, end, start: Math.min(s.start, end) };
    })
    .filter((s) => s.start < s.end);
  cleaned.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged = [];
  for (const s of cleaned) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      const mine = PRIORITY[s.kind] ?? 0;
      const theirs = PRIORITY[last.kind] ?? 0;
      if (mine > theirs || (mine === theirs && s.end - s.start > last.end - last.start)) {
        last.kind = s.kind;
      }
      last.end = Math.max(last.end, s.end);
    } else {
      merged.push({ ...s });
    }
  }
  return merged;
}

/** Rust's `char::is_whitespace` (White_Space), which differs from JavaScript's `\s`. */
const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

/** Mirrors `render` in span.rs: `[KIND-n]`, the same value keeping the same n, and a
 *  NAME that is one word, or the last words, of a longer NAME taking its number. */
function render(text, offsets, spans) {
  const valueOf = (span) => text.slice(offsets.unit(span.start), offsets.unit(span.end));
  const alias = new Map();
  for (const span of spans.filter((s) => s.kind === 'NAME')) {
    const value = valueOf(span);
    const words = value.split(WHITE_SPACE).filter((w) => w !== '').map(identity);
    if (words.length > 1) {
      const full = words.join('');
      for (let from = 0; from < words.length; from++) {
        const parts = [words[from]];
        if (from > 0 && from + 1 < words.length) parts.push(words.slice(from).join(''));
        for (const part of parts) {
          if (part !== '' && !alias.has(part)) alias.set(part, full);
        }
      }
    }
  }
  const numbers = new Map();
  const next = new Map();
  let out = '';
  let at = 0;
  for (const span of spans) {
    const start = offsets.unit(span.start);
    const end = offsets.unit(span.end);
    out += text.slice(at, start);
    let value = identity(valueOf(span));
    if (span.kind === 'NAME' && alias.has(value)) value = alias.get(value);
    const key = `${span.kind}\u0000${value}`;
    if (!numbers.has(key)) {
      const n = (next.get(span.kind) ?? 0) + 1;
      next.set(span.kind, n);
      numbers.set(key, n);
    }
    out += `[${span.kind}-${numbers.get(key)}]`;
    at = end;
  }
  return out + text.slice(at);
}

class Review {
  constructor(root) {
    const data = JSON.parse(root.dataset.tip);
    this.text = data.original;
    this.spans = data.spans;
    this.offsets = new Offsets(this.text);
    this.original = document.getElementById('original');
    this.preview = document.getElementById('preview');
    this.form = document.getElementById('forward-form');
    this.addedList = document.getElementById('added-list');
    this.addedInputs = document.getElementById('added-inputs');
    this.addButton = document.getElementById('add-button');
    this.addKind = document.getElementById('add-kind');
    this.addMessage = document.getElementById('add-message');
    this.added = [];
    this.selection = null;
    this.current = 0;
    document.getElementById('add-bar').hidden = false;
    for (const box of this.keepBoxes()) box.addEventListener('change', () => this.update());
    this.original.addEventListener('click', (e) => this.onClick(e));
    document.addEventListener('selectionchange', () => this.onSelection());
    this.addButton.addEventListener('click', () => this.addSelection());
    document.addEventListener('keydown', (e) => this.onKey(e));
    this.form.addEventListener('submit', (e) => this.onSubmit(e));
    this.keepClaim(root);
    this.update();
  }

  /** While the handler is working, renews the claim at half its lifetime so a long
   *  review is not lost; an abandoned page lets the claim lapse as usual. */
  keepClaim(root) {
    const halfLife = Number(root.dataset.claimMinutes) * 30_000;
    const csrf = this.form.querySelector('input[name=csrf]').value;
    const url = this.form.action.replace(/\/forward$/, '/claim');
    let renewed = Date.now();
    const renew = async () => {
      if (Date.now() - renewed < halfLife) return;
      renewed = Date.now();
      const r = await fetch(url, {
        method: 'POST', body: new URLSearchParams({ csrf }), redirect: 'manual', credentials: 'same-origin',
      });
      if (r.status >= 400) this.say('Your claim on this tip has lapsed and could not be renewed; reload the page.');
    };
    for (const event of ['keydown', 'click', 'selectionchange']) {
      document.addEventListener(event, () => { renew(); });
    }
  }

  keepBoxes() {
    return Array.from(this.form.querySelectorAll('input[name=keep]'));
  }

  keepBox(index) {
    return this.form.querySelector(`input[name=keep][value="${index}"]`);
  }

  kept(index) {
    return this.keepBox(index)?.checked ?? false;
  }

  /** Everything that will be redacted, as the server's approve() gathers it. */
  redactions() {
    return [
      ...this.spans.filter((s) => !this.kept(s.index)),
      ...this.added.map((a) => ({ start: a.start, end: a.end, kind: a.kind })),
    ];
  }

  update() {
    this.renderOriginal();
    this.preview.textContent = render(
      this.text, this.offsets, normalise(this.redactions(), this.offsets.bytes));
    this.renderAdded();
  }

  /** The original with every span (draft and added) marked; text nodes otherwise. */
  renderOriginal() {
    const marks = [
      ...this.spans.map((s) => ({ ...s, added: false })),
      ...this.added.map((a, i) => ({ ...a, added: true, addedIndex: i, rule: 'handler', role: 'other' })),
    ].sort((a, b) => a.start - b.start);
    const nodes = [];
    let at = 0;
    marks.forEach((m, position) => {
      const start = this.offsets.unit(m.start);
      const end = this.offsets.unit(m.end);
      if (start < at) return;
      if (start > at) nodes.push(document.createTextNode(this.text.slice(at, start)));
      const mark = document.createElement('mark');
      const redacted = m.added || !this.kept(m.index);
      mark.className = `span ${m.added ? 'added' : redacted ? 'redacted' : 'kept'}`;
      mark.textContent = this.text.slice(start, end);
      mark.dataset.position = String(position);
      if (m.added) mark.dataset.added = String(m.addedIndex);
      else mark.dataset.index = String(m.index);
      mark.dataset.label = `${m.kind} · ${m.rule} · ${m.role}${redacted ? '' : ' · restored'}`;
      mark.setAttribute('role', 'button');
      mark.setAttribute('aria-pressed', String(redacted));
      // The name starts with the visible text, as speech input and screen readers expect.
      mark.setAttribute('aria-label',
        `${mark.textContent}: ${m.kind}, rule ${m.rule}, ${m.role}, ${redacted ? 'redacted' : 'restored'}. ` +
        (m.added ? 'Press t to remove this redaction.' : 'Press t to toggle.'));
      mark.tabIndex = position === this.current ? 0 : -1;
      if (position === this.current) mark.classList.add('current');
      nodes.push(mark);
      at = end;
    });
    if (at < this.text.length) nodes.push(document.createTextNode(this.text.slice(at)));
    this.original.replaceChildren(...nodes);
  }

  renderAdded() {
    this.addedList.replaceChildren(...this.added.map((a, i) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Remove';
      button.setAttribute('aria-label', `Remove added ${a.kind} redaction`);
      button.addEventListener('click', () => this.removeAdded(i));
      const label = document.createElement('span');
      label.textContent = ` added ${a.kind}: `;
      const excerpt = document.createElement('span');
      excerpt.className = 'excerpt';
      excerpt.textContent = this.text.slice(this.offsets.unit(a.start), this.offsets.unit(a.end));
      li.append(button, label, excerpt);
      return li;
    }));
    this.addedInputs.replaceChildren(...this.added.map((a) => {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'add';
      input.value = `${a.start}:${a.end}:${a.kind}`;
      return input;
    }));
  }

  marks() {
    return Array.from(this.original.querySelectorAll('mark.span'));
  }

  toggle(mark) {
    if (mark.dataset.added !== undefined) {
      this.removeAdded(Number(mark.dataset.added));
      return;
    }
    const box = this.keepBox(mark.dataset.index);
    box.checked = !box.checked;
    this.current = Number(mark.dataset.position);
    this.update();
    this.focusCurrent();
    const span = this.spans.find((s) => String(s.index) === mark.dataset.index);
    this.say(box.checked && span?.role === 'reporter'
      ? 'Restored a detail that looks like the reporter\'s own: it may identify them.'
      : '');
  }

  removeAdded(i) {
    this.added.splice(i, 1);
    this.current = 0;
    this.update();
    this.say('Redaction removed.');
  }

  focusCurrent() {
    const marks = this.marks();
    if (marks.length === 0) return;
    this.current = Math.max(0, Math.min(this.current, marks.length - 1));
    marks.forEach((m, i) => {
      m.tabIndex = i === this.current ? 0 : -1;
      m.classList.toggle('current', i === this.current);
    });
    marks[this.current].focus();
  }

  onClick(event) {
    const mark = event.target.closest('mark.span');
    if (mark && window.getSelection().isCollapsed) this.toggle(mark);
  }

  /** Remembers a selection inside the original, as byte offsets. */
  onSelection() {
    const sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    if (!this.original.contains(range.startContainer) || !this.original.contains(range.endContainer)) {
      return;
    }
    const before = document.createRange();
    before.selectNodeContents(this.original);
    before.setEnd(range.startContainer, range.startOffset);
    const startUnit = before.toString().length;
    const endUnit = startUnit + range.toString().length;
    let start = this.offsets.byte(startUnit);
    let end = this.offsets.byte(endUnit);
    // Leave out surrounding white space a double-click or drag may take.
    while (start < end && /\s/.test(this.text[this.offsets.unit(start)])) start = this.offsets.byte(this.offsets.unit(start) + 1);
    while (end > start && /\s/.test(this.text[this.offsets.unit(end) - 1])) end = this.offsets.byte(this.offsets.unit(end) - 1);
    this.selection = start < end ? { start, end } : null;
    this.addButton.disabled = this.selection === null;
  }

  addSelection() {
    const s = this.selection;
    if (!s) {
      this.say('Select text in the original first.');
      return;
    }
    const taken = [...this.spans, ...this.added].some((o) => s.start < o.end && o.start < s.end);
    if (taken) {
      this.say('The selection overlaps a highlighted span: toggle or remove that span instead.');
      return;
    }
    this.added.push({ start: s.start, end: s.end, kind: this.addKind.value });
    this.selection = null;
    this.addButton.disabled = true;
    window.getSelection().removeAllRanges();
    this.update();
    this.say(`Added a ${this.addKind.value} redaction.`);
  }

  say(message) {
    this.addMessage.textContent = message;
  }

  onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest('input, textarea, select, button')) return;
    const onMark = target.closest && target.closest('mark.span');
    switch (event.key) {
      case 'j': case 'n':
        this.current += 1; this.focusCurrent(); break;
      case 'k': case 'p':
        this.current -= 1; this.focusCurrent(); break;
      case 't': case ' ': case 'Enter': {
        const mark = onMark ?? (event.key === 't' ? this.marks()[this.current] : null);
        if (!mark) return;
        this.toggle(mark);
        break;
      }
      case 'r':
        this.addSelection(); break;
      case 'f':
        this.form.requestSubmit(); break;
      default:
        return;
    }
    event.preventDefault();
  }

  onSubmit(event) {
    if (!this.form.querySelector('input[name=agency]:checked')) {
      event.preventDefault();
      this.say('Choose at least one agency to forward to.');
      this.form.querySelector('input[name=agency]')?.focus();
    }
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('review');
  if (root) window.tiplineReview = new Review(root);
});
