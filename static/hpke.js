// HPKE (RFC 9180) sealing with WebCrypto, written for the report form and nothing else:
// base mode, DHKEM(P-256, HKDF-SHA256) / HKDF-SHA256 / AES-128-GCM, one message (seq 0).
// The server opens it with the Rust `hpke` crate (src/crypto/sealing.rs). An ES module
// that runs in browsers and in Node (tests/browser/hpke.test.mjs checks RFC 9180 A.3.1).

const subtle = globalThis.crypto.subtle;
const utf8 = new TextEncoder();

const KEM_ID = 0x0010; // DHKEM(P-256, HKDF-SHA256)
const KDF_ID = 0x0001; // HKDF-SHA256
const AEAD_ID = 0x0001; // AES-128-GCM
const N_SECRET = 32;
const N_K = 16;
const N_N = 12;
const HASH_LEN = 32;

export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function i2osp(n, length) {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--, n >>= 8) out[i] = n & 0xff;
  return out;
}

const KEM_SUITE = concat(utf8.encode('KEM'), i2osp(KEM_ID, 2));
const HPKE_SUITE = concat(utf8.encode('HPKE'), i2osp(KEM_ID, 2), i2osp(KDF_ID, 2), i2osp(AEAD_ID, 2));
const VERSION = utf8.encode('HPKE-v1');
const EMPTY = new Uint8Array(0);

async function hmac(key, data) {
  const k = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', k, data));
}

// HKDF-Extract; an empty salt means HashLen zero bytes (RFC 5869), which WebCrypto
// needs spelled out since it refuses empty HMAC keys.
function extract(salt, ikm) {
  return hmac(salt.length ? salt : new Uint8Array(HASH_LEN), ikm);
}

async function expand(prk, info, length) {
  let block = EMPTY;
  let out = EMPTY;
  for (let i = 1; out.length < length; i++) {
    block = await hmac(prk, concat(block, info, Uint8Array.of(i)));
    out = concat(out, block);
  }
  return out.slice(0, length);
}

function labeledExtract(suite, salt, label, ikm) {
  return extract(salt, concat(VERSION, suite, utf8.encode(label), ikm));
}

function labeledExpand(suite, prk, label, info, length) {
  return expand(prk, concat(i2osp(length, 2), VERSION, suite, utf8.encode(label), info), length);
}

/** Imports an uncompressed SEC1 P-256 public key. */
export function importPublicKey(bytes) {
  return subtle.importKey('raw', bytes, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
}

/** A fresh ephemeral key pair: { privateKey, publicBytes }. */
export async function ephemeralKeyPair() {
  const pair = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const publicBytes = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicBytes };
}

/**
 * Seals `plaintext` to the recipient's public key (uncompressed SEC1 bytes).
 * Returns { enc, ct } as bytes. `ephemeral` is for test vectors only.
 */
export async function seal(recipientBytes, plaintext, { info = EMPTY, aad = EMPTY, ephemeral } = {}) {
  const eph = ephemeral ?? (await ephemeralKeyPair());
  const recipient = await importPublicKey(recipientBytes);
  // Encap: DH gives the x coordinate; ExtractAndExpand binds it to both public keys.
  const dh = new Uint8Array(await subtle.deriveBits({ name: 'ECDH', public: recipient }, eph.privateKey, 256));
  const enc = eph.publicBytes;
  const kemContext = concat(enc, recipientBytes);
  const eaePrk = await labeledExtract(KEM_SUITE, EMPTY, 'eae_prk', dh);
  const sharedSecret = await labeledExpand(KEM_SUITE, eaePrk, 'shared_secret', kemContext, N_SECRET);
  // KeySchedule in base mode: no PSK.
  const pskIdHash = await labeledExtract(HPKE_SUITE, EMPTY, 'psk_id_hash', EMPTY);
  const infoHash = await labeledExtract(HPKE_SUITE, EMPTY, 'info_hash', info);
  const context = concat(Uint8Array.of(0), pskIdHash, infoHash);
  const secret = await labeledExtract(HPKE_SUITE, sharedSecret, 'secret', EMPTY);
  const key = await labeledExpand(HPKE_SUITE, secret, 'key', context, N_K);
  const baseNonce = await labeledExpand(HPKE_SUITE, secret, 'base_nonce', context, N_N);
  // Sequence number 0: the nonce is the base nonce itself.
  const aesKey = await subtle.importKey('raw', key, { name: 'AES-GCM' }, false, ['encrypt']);
  const ct = new Uint8Array(
    await subtle.encrypt({ name: 'AES-GCM', iv: baseNonce, additionalData: aad, tagLength: 128 }, aesKey, plaintext),
  );
  return { enc, ct };
}

export function b64url(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromB64url(text) {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}
