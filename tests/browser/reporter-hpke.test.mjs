// The browser's HPKE and padding code, run in Node (same WebCrypto API): RFC 9180
// test vector A.3.1, and the padding that hides a tip's length.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seal, b64url } from '../../static/hpke.js';
import { padTip, paddedLength } from '../../static/seal.js';
import { leadingZeroBits, solve } from '../../static/pow.js';
import { createHash } from 'node:crypto';

const hex = (s) => Uint8Array.from(s.match(/../g), (b) => parseInt(b, 16));
const toHex = (b) => Buffer.from(b).toString('hex');

test('RFC 9180 A.3.1: DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode', async () => {
  const pkEm = hex('04a92719c6195d5085104f469a8b9814d5838ff72b60501e2c4466e5e67b325ac98536d7b61a1af4b78e5b7f951c0900be863c403ce65c9bfcb9382657222d18c4');
  const skEm = hex('4995788ef4b9d6132b249ce59a77281493eb39af373d236a1fe415cb0c2d7beb');
  const pkRm = hex('04fe8c19ce0905191ebc298a9245792531f26f0cece2460639e8bc39cb7f706a826a779b4cf969b8a0e539c7f62fb3d30ad6aa8f80e30f1d128aafd68a2ce72ea0');
  const privateKey = await crypto.subtle.importKey(
    'jwk',
    { kty: 'EC', crv: 'P-256', d: b64url(skEm), x: b64url(pkEm.slice(1, 33)), y: b64url(pkEm.slice(33)), ext: true },
    { name: 'ECDH', namedCurve: 'P-256' },
    false,
    ['deriveBits'],
  );
  const { enc, ct } = await seal(pkRm, hex('4265617574792069732074727574682c20747275746820626561757479'), {
    info: hex('4f6465206f6e2061204772656369616e2055726e'),
    aad: hex('436f756e742d30'),
    ephemeral: { privateKey, publicBytes: pkEm },
  });
  assert.equal(toHex(enc), toHex(pkEm));
  assert.equal(toHex(ct), '5ad590bb8baa577f8619db35a36311226a896e7342a6d836d8b7bcd2f20b6c7f9076ac232e3ab2523f39513434');
});

test('padding: short and long tips seal to the same length; buckets match the server', async () => {
  assert.equal(paddedLength(0), 2048);
  assert.equal(paddedLength(2049), 4096);
  const short = padTip({ category: 'other', body: 'a'.repeat(10) });
  const long = padTip({ category: 'other', body: 'a'.repeat(900), location: 'Ōtautahi' });
  assert.equal(short.length, long.length);
  assert.deepEqual(JSON.parse(new TextDecoder().decode(long)), { category: 'other', body: 'a'.repeat(900), location: 'Ōtautahi' });
});

test('proof of work: the solution has the asked-for zero bits', async () => {
  const nonce = await solve('challenge', 10);
  const digest = createHash('sha256').update(`challenge:${nonce}`).digest();
  assert.ok(leadingZeroBits(digest) >= 10);
  assert.equal(leadingZeroBits(Uint8Array.of(0, 0x10)), 11);
});
