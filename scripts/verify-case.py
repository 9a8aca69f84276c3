#!/usr/bin/env python3
"""Verify a tipline case's signature with standard tools: Python's own json module for
the RFC 8785 canonical form, and the `cryptography` package for Ed25519.

    verify-case.py CASE.json KEYS.json

CASE.json is one case as the agency API delivered it; KEYS.json is the answer of
GET /api/v1/agency/signing-key (pin it: fetch it once, over a channel you trust).
Exits 0 when the signature verifies, 1 when it does not.
"""
import base64
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.serialization import load_pem_public_key

# Members that say how the case was delivered, not what it is: not signed.
UNSIGNED = ("lease", "lease_expires_at", "deliveries", "signature")


def b64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def main(case_file, keys_file):
    with open(case_file, encoding="utf-8") as f:
        case = json.load(f)
    with open(keys_file, encoding="utf-8") as f:
        keys = {k["key_id"]: k for k in json.load(f)["keys"]}
    signature = case["signature"]
    key = keys.get(signature["key_id"])
    if key is None:
        print(f"signed by key {signature['key_id']}, which is not published")
        return 1
    signed = {k: v for k, v in case.items() if k not in UNSIGNED}
    # RFC 8785 for a case (objects of strings): keys sorted, no white space, UTF-8,
    # only the escapes JSON requires. json.dumps does exactly that with these options.
    message = json.dumps(signed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    public_key = load_pem_public_key(key["public_key_pem"].encode("ascii"))
    try:
        public_key.verify(b64url(signature["value"]), message.encode("utf-8"))
    except InvalidSignature:
        print(f"case {case.get('id')}: the signature does not verify")
        return 1
    print(f"case {case.get('id')}: signature verifies (key {signature['key_id']})")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
