// Sealing a tip in the browser: the tip's JSON, padded, sealed with HPKE to the key the
// service publishes at /api/v1/intake-key. The padding matches src/intake/padding.rs:
// spaces up to 2 KiB, or the next power of two, so the ciphertext's length does not
// show how long the tip is.
import { seal, b64url, fromB64url } from './hpke.js';

export const MIN_BUCKET = 2048;

export function paddedLength(length) {
  let bucket = MIN_BUCKET;
  while (bucket < length) bucket *= 2;
  return bucket;
}

/** The tip's JSON as bytes, padded with spaces (JSON whitespace) to its bucket. */
export function padTip(tip) {
  const json = new TextEncoder().encode(JSON.stringify(tip));
  const out = new Uint8Array(paddedLength(json.length)).fill(0x20);
  out.set(json);
  return out;
}

/** A JSON answer of the service, fetched without cookies, referrer or cache. */
export async function getJson(path) {
  const response = await fetch(path, { cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

/** `{key_id, enc, ct}` for `{category, body, location?}`, sealed to `key` (the JSON of /api/v1/intake-key). */
export async function sealTip(key, tip) {
  const { enc, ct } = await seal(fromB64url(key.public_key), padTip(tip));
  return { key_id: key.key_id, enc: b64url(enc), ct: b64url(ct) };
}
