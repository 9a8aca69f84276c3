// The proof of work the service may ask for (src/intake/pow.rs): find a decimal `nonce`
// such that SHA-256(challenge + ":" + nonce) starts with `difficulty` zero bits.
// Digests are asked for in batches, since each WebCrypto call is asynchronous.

const utf8 = new TextEncoder();

export function leadingZeroBits(digest) {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export async function solve(challenge, difficulty, batch = 256) {
  for (let start = 0; ; start += batch) {
    const tries = [];
    for (let n = start; n < start + batch; n++) {
      tries.push(globalThis.crypto.subtle.digest('SHA-256', utf8.encode(`${challenge}:${n}`)));
    }
    const digests = await Promise.all(tries);
    const found = digests.findIndex((d) => leadingZeroBits(new Uint8Array(d)) >= difficulty);
    if (found >= 0) return String(start + found);
  }
}
