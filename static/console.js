// The review console's script: the review page's span toggling, roles, added
// redactions and live previews, with keyboard shortcuts. Everything else in the console
// works without it.
//
// A review page holds one or more reviewed texts (`.reviewed`): the tip, and each
// reporter message waiting for review. Each has its own spans, restore boxes
// (`keep` or `keep-m<id>`), added redactions (`add` or `add-m<id>`) and preview.
//
// Offsets: spans are UTF-8 byte offsets into the reviewed text (as the server and
// `ApprovedRedaction::approve` use them); the DOM and selections count UTF-16 units.
// `Offsets` converts between the two at code-point boundaries.
//
// The preview is not rendered here: each change asks the server
// (`POST /console/tips/{id}/preview`), which answers with what forwarding would send,
// from the same `ApprovedRedaction::approve`. So the preview cannot drift from the case.
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

const ROLE_LABELS = { reporter: 'reporter', subject: 'subject', third: 'third party' };
const ROLE_KEYS = { 1: 'reporter', 2: 'subject', 3: 'third' };
// What each kind of detail is called on the page (as the server's `kind_label`).
const KIND_LABELS = {
  NAME: 'name', PHONE: 'phone number', EMAIL: 'email address', IP: 'IP address', ADDRESS: 'address',
  URL: 'web address', HANDLE: 'social media handle', IRD: 'IRD number', PASSPORT: 'passport number',
  LICENCE: 'driver licence', BANK: 'bank account', CARD: 'card number', PLATE: 'number plate',
  DOB: 'date of birth', NHI: 'NHI number', ID: 'identity number',
};
const kindLabel = (kind) => KIND_LABELS[kind] ?? kind;

/** One reviewed text: the tip or a reporter message. */
class Reviewed {
  constructor(review, root) {
    this.review = review;
    this.root = root;
    const data = JSON.parse(root.dataset.doc);
    this.text = data.original;
    this.spans = data.spans;
    this.suffix = data.key ? `-${data.key}` : '';
    this.message = root.dataset.message ?? null;
    this.offsets = new Offsets(this.text);
    this.original = root.querySelector('.original');
    this.preview = root.querySelector('.preview');
    this.addedList = root.querySelector('.added-list');
    this.addedInputs = root.querySelector('.added-inputs');
    this.added = [];
    this.previewAsked = 0;
    for (const box of this.keepBoxes()) box.addEventListener('change', () => this.update());
    this.original.addEventListener('click', (e) => this.onClick(e));
  }

  keepBoxes() {
    return Array.from(document.querySelectorAll(`input[name="keep${this.suffix}"]`));
  }

  keepBox(index) {
    return document.getElementById(`keep${this.suffix}-${index}`);
  }

  kept(index) {
    return this.keepBox(index)?.checked ?? false;
  }

  span(index) {
    return this.spans.find((s) => String(s.index) === String(index));
  }

  update() {
    this.renderOriginal();
    this.renderAdded();
    this.refreshPreview();
  }

  /** Asks the server for the forwarded text of the current decision. `aria-busy` is
   *  true until the answer to the latest change has arrived; older answers are dropped. */
  async refreshPreview() {
    const asked = ++this.previewAsked;
    this.preview.setAttribute('aria-busy', 'true');
    const body = new URLSearchParams();
    body.append('csrf', this.review.csrf);
    if (this.message !== null) body.append('message', this.message);
    for (const box of this.keepBoxes()) if (box.checked) body.append('keep', box.value);
    for (const a of this.added) body.append('add', `${a.start}:${a.end}:${a.kind}`);
    let text = null;
    let problem = 'The preview could not be updated; reload the page.';
    try {
      const r = await fetch(this.review.previewUrl, { method: 'POST', body, credentials: 'same-origin' });
      const answer = await r.json();
      if (r.ok) text = answer.text;
      else problem = `The preview could not be updated: ${answer.error}`;
    } catch {
      // The message below says what to do.
    }
    if (asked !== this.previewAsked) return;
    if (text === null) this.review.say(problem);
    else this.preview.textContent = text;
    this.preview.setAttribute('aria-busy', 'false');
  }

  /** The text with every span (draft and added) marked; text nodes otherwise. */
  renderOriginal() {
    const marks = [
      ...this.spans.map((s) => ({ ...s, added: false })),
      ...this.added.map((a, i) => ({ ...a, added: true, addedIndex: i, rule: 'handler', role: 'third' })),
    ].sort((a, b) => a.start - b.start);
    const nodes = [];
    let at = 0;
    marks.forEach((m) => {
      const start = this.offsets.unit(m.start);
      const end = this.offsets.unit(m.end);
      if (start < at) return;
      if (start > at) nodes.push(document.createTextNode(this.text.slice(at, start)));
      const mark = document.createElement('mark');
      const redacted = m.added || !this.kept(m.index);
      mark.className = `span role-${m.role} ${m.added ? 'added' : redacted ? 'redacted' : 'kept'}`;
      mark.textContent = this.text.slice(start, end);
      if (m.added) mark.dataset.added = String(m.addedIndex);
      else mark.dataset.index = String(m.index);
      const role = ROLE_LABELS[m.role] ?? m.role;
      mark.dataset.label = `${kindLabel(m.kind)} · ${role}${m.added ? ' · added' : redacted ? '' : ' · kept'}`;
      if (m.role_reason) mark.title = m.role_reason;
      mark.setAttribute('role', 'button');
      mark.setAttribute('aria-pressed', String(redacted));
      // The name starts with the visible text, as speech input and screen readers expect.
      mark.setAttribute('aria-label',
        `${mark.textContent}: ${kindLabel(m.kind)}, ${role}, ${redacted ? 'redacted' : 'kept'}. ` +
        (m.added ? 'Press t to remove this redaction.' : 'Press t to toggle, 1 2 or 3 to set the role.'));
      mark.tabIndex = -1;
      nodes.push(mark);
      at = end;
    });
    if (at < this.text.length) nodes.push(document.createTextNode(this.text.slice(at)));
    this.original.replaceChildren(...nodes);
    this.review.refreshMarks();
  }

  renderAdded() {
    this.addedList.replaceChildren(...this.added.map((a, i) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Remove';
      button.setAttribute('aria-label', `Remove the redaction added as ${kindLabel(a.kind)}`);
      button.addEventListener('click', () => this.removeAdded(i));
      const label = document.createElement('span');
      label.textContent = ` added as ${kindLabel(a.kind)}: `;
      const excerpt = document.createElement('span');
      excerpt.className = 'excerpt';
      excerpt.textContent = this.text.slice(this.offsets.unit(a.start), this.offsets.unit(a.end));
      li.append(button, label, excerpt);
      return li;
    }));
    this.addedInputs.replaceChildren(...this.added.map((a) => {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = `add${this.suffix}`;
      input.value = `${a.start}:${a.end}:${a.kind}`;
      input.setAttribute('form', 'forward-form');
      return input;
    }));
  }

  toggle(mark) {
    if (mark.dataset.added !== undefined) {
      this.removeAdded(Number(mark.dataset.added));
      return;
    }
    const box = this.keepBox(mark.dataset.index);
    box.checked = !box.checked;
    const span = this.span(mark.dataset.index);
    this.review.remember(this, mark.dataset.index);
    this.update();
    this.review.say(box.checked && span?.role === 'reporter'
      ? 'Kept a detail that looks like the reporter\'s own: it may identify them.'
      : '');
  }

  /** Gives a span another role: its box follows the role's default, and the preview. */
  setRole(mark, role) {
    if (mark.dataset.added !== undefined) return;
    const span = this.span(mark.dataset.index);
    if (!span || span.role === role) return;
    span.role = role;
    span.role_reason = 'set by you';
    const box = this.keepBox(span.index);
    box.checked = this.review.keeps[role];
    for (const el of this.root.querySelectorAll(`[data-role-of="${span.index}"]`)) {
      el.textContent = `${ROLE_LABELS[role]} (set by you)`;
      el.className = `role role-${role}`;
      const reason = el.nextElementSibling;
      if (reason?.classList.contains('reason')) reason.remove();
    }
    this.review.remember(this, span.index);
    this.update();
    this.review.say(`Now ${ROLE_LABELS[role]}: ${box.checked ? 'kept' : 'redacted'}.`);
  }

  removeAdded(i) {
    this.added.splice(i, 1);
    this.update();
    this.review.say('Redaction removed.');
  }

  onClick(event) {
    const mark = event.target.closest('mark.span');
    if (mark && window.getSelection().isCollapsed) this.toggle(mark);
  }

  /** The selection inside this text, as byte offsets, or null. */
  selectionIn(range) {
    if (!this.original.contains(range.startContainer) || !this.original.contains(range.endContainer)) {
      return null;
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
    return start < end ? { start, end } : null;
  }

  add(s, kind) {
    const taken = [...this.spans, ...this.added].some((o) => s.start < o.end && o.start < s.end);
    if (taken) {
      this.review.say('The selection overlaps a highlighted span: toggle or remove that span instead.');
      return false;
    }
    this.added.push({ start: s.start, end: s.end, kind });
    this.update();
    this.review.say(`Redacted the selection as ${kindLabel(kind)}.`);
    return true;
  }
}

class Review {
  constructor(root) {
    this.form = document.getElementById('forward-form');
    this.csrf = this.form.querySelector('input[name=csrf]').value;
    this.previewUrl = this.form.action.replace(/\/forward$/, '/preview');
    this.addButton = document.getElementById('add-button');
    this.addKind = document.getElementById('add-kind');
    this.addMessage = document.getElementById('add-message');
    this.selection = null;
    this.current = 0;
    this.docs = Array.from(root.querySelectorAll('.reviewed[data-doc]')).map((el) => new Reviewed(this, el));
    this.keeps = this.roleDefaults(root);
    if (this.docs.length > 0) document.getElementById('add-bar').hidden = false;
    document.addEventListener('selectionchange', () => this.onSelection());
    this.addButton.addEventListener('click', () => this.addSelection());
    document.addEventListener('keydown', (e) => this.onKey(e));
    this.form.addEventListener('submit', (e) => this.onSubmit(e));
    this.keepClaim(root);
    for (const doc of this.docs) doc.update();
  }

  /** Which roles review keeps by default (`review.roles`, given by the server); a
   *  reporter's detail never is. */
  roleDefaults(root) {
    const keeps = { reporter: false, subject: false, third: false };
    for (const r of (root.dataset.keepRoles ?? '').split(' ')) {
      if (r in keeps && r !== 'reporter') keeps[r] = true;
    }
    return keeps;
  }

  /** While the handler is working, renews the claim at half its lifetime so a long
   *  review is not lost; an abandoned page lets the claim lapse as usual. */
  keepClaim(root) {
    const halfLife = Number(root.dataset.claimMinutes) * 30_000;
    const csrf = this.csrf;
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

  /** Every mark on the page, in page order, for j/k. */
  marks() {
    return Array.from(document.querySelectorAll('.reviewed .original mark.span'));
  }

  /** Keeps the roving focus on the span just acted on after a re-render. */
  remember(doc, index) {
    this.pending = { doc, index };
  }

  refreshMarks() {
    const marks = this.marks();
    if (this.pending) {
      const { doc, index } = this.pending;
      const at = marks.findIndex((m) => doc.original.contains(m) && m.dataset.index === String(index));
      if (at >= 0) this.current = at;
    }
    this.current = Math.max(0, Math.min(this.current, marks.length - 1));
    marks.forEach((m, i) => {
      m.tabIndex = i === this.current ? 0 : -1;
      m.classList.toggle('current', i === this.current);
    });
  }

  focusCurrent() {
    const marks = this.marks();
    if (marks.length === 0) return;
    this.current = Math.max(0, Math.min(this.current, marks.length - 1));
    this.pending = null;
    marks.forEach((m, i) => {
      m.tabIndex = i === this.current ? 0 : -1;
      m.classList.toggle('current', i === this.current);
    });
    marks[this.current].focus();
  }

  docOf(mark) {
    return this.docs.find((d) => d.original.contains(mark));
  }

  /** Remembers a selection inside a reviewed text. */
  onSelection() {
    const sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    this.selection = null;
    for (const doc of this.docs) {
      const s = doc.selectionIn(range);
      if (s) this.selection = { doc, ...s };
    }
    this.addButton.disabled = this.selection === null;
  }

  addSelection() {
    const s = this.selection;
    if (!s) {
      this.say('Select text in the original first.');
      return;
    }
    if (s.doc.add(s, this.addKind.value)) {
      this.selection = null;
      this.addButton.disabled = true;
      window.getSelection().removeAllRanges();
    }
  }

  say(message) {
    this.addMessage.textContent = message;
  }

  onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest('input, textarea, select, button')) return;
    const onMark = target.closest && target.closest('mark.span');
    const mark = onMark ?? this.marks()[this.current];
    switch (event.key) {
      case 'j': case 'n':
        this.current += 1; this.focusCurrent(); break;
      case 'k': case 'p':
        this.current -= 1; this.focusCurrent(); break;
      case 't': case ' ': case 'Enter': {
        const target = onMark ?? (event.key === 't' ? mark : null);
        if (!target) return;
        this.docOf(target).toggle(target);
        this.focusCurrent();
        break;
      }
      case '1': case '2': case '3':
        if (!mark) return;
        this.docOf(mark).setRole(mark, ROLE_KEYS[event.key]);
        this.focusCurrent();
        break;
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
    const agencies = this.form.querySelectorAll('input[name=agency]');
    if (agencies.length > 0 && !this.form.querySelector('input[name=agency]:checked')) {
      event.preventDefault();
      this.say('Choose at least one agency to forward to.');
      agencies[0].focus();
    }
  }
}

/**
 * Black-out by dragging: a rectangle dragged on a file's image fills its black-out form
 * (x, y, width, height in the image's own pixels, whatever size it is shown at) and is
 * outlined until it is sent. The fields can still be typed; the server checks them.
 */
function dragToBlackOut(form) {
  const image = form.closest('.attachment')?.querySelector('img.attachment-preview');
  if (!image) return;
  const outline = document.createElement('div');
  outline.className = 'black-out-outline';
  outline.hidden = true;
  image.after(outline);
  let start = null;
  // In the image's content box (inside its border), in CSS pixels.
  const point = (event) => {
    const r = image.getBoundingClientRect();
    return {
      x: Math.min(Math.max(event.clientX - r.left - image.clientLeft, 0), image.clientWidth),
      y: Math.min(Math.max(event.clientY - r.top - image.clientTop, 0), image.clientHeight),
    };
  };
  const show = (a, b) => {
    outline.hidden = false;
    outline.style.left = `${image.offsetLeft + image.clientLeft + Math.min(a.x, b.x)}px`;
    outline.style.top = `${image.offsetTop + image.clientTop + Math.min(a.y, b.y)}px`;
    outline.style.width = `${Math.abs(b.x - a.x)}px`;
    outline.style.height = `${Math.abs(b.y - a.y)}px`;
  };
  const fill = (a, b) => {
    const sx = image.naturalWidth / image.clientWidth;
    const sy = image.naturalHeight / image.clientHeight;
    const x = Math.min(Math.floor(Math.min(a.x, b.x) * sx), image.naturalWidth - 1);
    const y = Math.min(Math.floor(Math.min(a.y, b.y) * sy), image.naturalHeight - 1);
    form.elements.x.value = x;
    form.elements.y.value = y;
    form.elements.width.value = Math.max(1, Math.min(Math.round(Math.abs(b.x - a.x) * sx), image.naturalWidth - x));
    form.elements.height.value = Math.max(1, Math.min(Math.round(Math.abs(b.y - a.y) * sy), image.naturalHeight - y));
  };
  image.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    image.setPointerCapture(event.pointerId);
    start = point(event);
    show(start, start);
  });
  image.addEventListener('pointermove', (event) => {
    if (start) show(start, point(event));
  });
  image.addEventListener('pointerup', (event) => {
    if (!start) return;
    const end = point(event);
    show(start, end);
    fill(start, end);
    start = null;
    form.querySelector('button[type=submit]').focus();
  });
}

document.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('review');
  if (root) window.tiplineReview = new Review(root);
  document.querySelectorAll('form.black-out').forEach(dragToBlackOut);
});
