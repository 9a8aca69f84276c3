// Files sealed in this browser before they are sent. Each file gets a fresh content key,
// sealed with HPKE to the intake key for `attachment:<id>:key`, and goes in 256 KiB
// chunks under AES-256-GCM for `attachment:<id>:chunk`, a chunk's nonce being its number
// and whether it is the last: the format of src/crypto/stream.rs, so the service stores
// the chunks without seeing the file and only the worker, which holds the intake key,
// opens them. The file is read and sealed a chunk at a time, so its plaintext is never
// held whole; each sealed chunk goes into a Blob as it is made, which the browser keeps
// in memory or on disk as it sees fit until the form is posted. The sealed file sent is one line of JSON
// (`{"id", "kind", "key"}`), then each chunk as a 4-byte big-endian length and its bytes
// (src/intake/upload.rs reads it).
//
// The type is told here too, by content as the service tells it (src/attachments/kind.rs),
// so the reporter gets a clear message before anything is sent; the worker checks again
// once it opens the file, since the service cannot.
import { seal, b64url, fromB64url } from './hpke.js';

export const CHUNK_BYTES = 256 * 1024;
const subtle = globalThis.crypto.subtle;
const utf8 = new TextEncoder();
const HEAD_BYTES = 8192;
const HEIF_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1'];

/** A file that cannot be sent: `reason` is 'type' or 'size'; `fileName` is the file's own name. */
export class FileRefused extends Error {
  constructor(reason, fileName) {
    super(`${fileName}: ${reason}`);
    this.reason = reason;
    this.fileName = fileName;
  }
}

function startsWith(bytes, signature, at = 0) {
  return signature.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes) {
  return String.fromCharCode(...bytes);
}

/** UTF-8 (a character cut at the end allowed) with no control characters but tab, line
 *  breaks and form feed: what the service takes as plain text. */
function isTextStart(bytes) {
  let text;
  for (let cut = 0; cut <= 3 && text === undefined && cut <= bytes.length; cut++) {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // a character cut by the end of the head: try without its bytes
    }
  }
  if (text === undefined) return false;
  for (const c of text) {
    const n = c.codePointAt(0);
    const control = n < 0x20 || (n >= 0x7f && n < 0xa0);
    if (control && !'\t\n\r\f'.includes(c)) return false;
  }
  return true;
}

/** The type of a file from its first bytes ('jpeg', 'png', 'webp', 'heif', 'pdf', 'text'), or null. */
export function detectKind(head) {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(head.subarray(0, 4)) === 'RIFF' && ascii(head.subarray(8, 12)) === 'WEBP') return 'webp';
  if (ascii(head.subarray(0, 4)) === '%PDF') return 'pdf';
  // An ISO media file (HEIC, but also a video or an AVIF): only HEIF brands are taken.
  if (ascii(head.subarray(4, 8)) === 'ftyp') return HEIF_BRANDS.includes(ascii(head.subarray(8, 12))) ? 'heif' : null;
  if (head.length > 0 && isTextStart(head)) return 'text';
  return null;
}

/**
 * Checks every file before anything is sealed or sent: its type by content, its size,
 * their number. Returns [{ file, kind }]; throws FileRefused for the first that fails.
 */
export async function checkFiles(files, { maxFiles, maxBytes }) {
  const checked = [];
  for (const file of files) {
    if (checked.length >= maxFiles || file.size > maxBytes) throw new FileRefused('size', file.name);
    const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
    const kind = detectKind(head);
    if (!kind) throw new FileRefused('type', file.name);
    checked.push({ file, kind });
  }
  return checked;
}

function randomId() {
  return [...globalThis.crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** 8 bytes of chunk number, 3 zero bytes, then 1 if this is the last chunk. */
function nonce(n, last) {
  const bytes = new Uint8Array(12);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(n));
  bytes[11] = last ? 1 : 0;
  return bytes;
}

/** `file` sealed to `intakeKey` (the JSON of /api/v1/intake-key), as a File to post in `sealed_attachments`. */
export async function sealFile(intakeKey, file, kind) {
  const id = randomId();
  const raw = globalThis.crypto.getRandomValues(new Uint8Array(32));
  const contentKey = await subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt']);
  const { enc, ct } = await seal(fromB64url(intakeKey.public_key), raw, { aad: utf8.encode(`attachment:${id}:key`) });
  raw.fill(0);
  const key = { key_id: intakeKey.key_id, enc: b64url(enc), ct: b64url(ct) };
  const parts = [utf8.encode(`${JSON.stringify({ id, kind, key })}\n`)];
  const place = utf8.encode(`attachment:${id}:chunk`);
  const count = Math.max(1, Math.ceil(file.size / CHUNK_BYTES));
  for (let n = 0; n < count; n++) {
    const plain = await file.slice(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES).arrayBuffer();
    const sealed = await subtle.encrypt(
      { name: 'AES-GCM', iv: nonce(n, n === count - 1), additionalData: place, tagLength: 128 },
      contentKey,
      plain,
    );
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, sealed.byteLength);
    parts.push(new Blob([length, sealed]));
  }
  return new File(parts, 'sealed', { type: 'application/octet-stream' });
}

/**
 * Seals the checked files and puts them in `form` as a file input `sealed_attachments`
 * (replacing any from an earlier try), so an ordinary form post sends them.
 */
export async function attachSealed(form, intakeKey, checked) {
  const transfer = new DataTransfer();
  for (const { file, kind } of checked) transfer.items.add(await sealFile(intakeKey, file, kind));
  form.querySelector('input[name="sealed_attachments"]')?.remove();
  const input = document.createElement('input');
  input.type = 'file';
  input.name = 'sealed_attachments';
  input.multiple = true;
  input.hidden = true;
  input.files = transfer.files;
  form.append(input);
  form.enctype = 'multipart/form-data';
}

/** The limits the page states on its file input. */
export function limitsOf(input) {
  return { maxFiles: Number(input.dataset.maxFiles), maxBytes: Number(input.dataset.maxBytes) };
}

/** Shows why a file cannot be sent, in `box` (which holds the translated words). */
export function showRefusal(box, refused) {
  box.hidden = false;
  box.textContent = `${refused.reason === 'type' ? box.dataset.type : box.dataset.size} ${refused.fileName}`;
  box.focus?.();
}
