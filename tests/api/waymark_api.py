"""The service's API exercised by schemathesis, as enrolled devices, against a running service.

`setup` enrols devices through the real API: several "prober" devices that schemathesis signs
as (taking turns, so the per-device rate limit leaves most calls reaching the handlers), a
"checker" device kept out of the schemathesis run (so its rate allowance is whole for `verify`),
and one "other" device whose envelope and mailbox item nothing else may read or delete.
`verify`, after the schemathesis run, checks directly that the other device's data is untouched
and that the checker cannot act as it. The schemathesis hooks (signing, and the check that no response carries
another device's data) are in `waymark_hooks.py`.

Only invented data is used. Nothing here is a test double: the service is the real binary.
"""

import base64
import hashlib
import json
import os
import sqlite3
import struct
import sys
import time
import uuid

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def raw_public(key) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def raw_private(key) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def signed_headers(device: dict, method: str, path_and_query: str, body: bytes, now: int | None = None) -> dict:
    """The three headers the service checks (see the description in openapi.json)."""
    now = int(time.time()) if now is None else now
    message = b"waymark request v1\n"
    for part in (device["id"], method.upper(), path_and_query, str(now)):
        message += part.encode() + b"\n"
    message += hashlib.sha256(body).digest()
    key = Ed25519PrivateKey.from_private_bytes(unb64(device["signing_private"]))
    return {"waymark-device": device["id"], "waymark-time": str(now), "waymark-signature": b64(key.sign(message))}


def device_code(signing: bytes, receiving: bytes) -> str:
    """The code a person reads to their worker: the fingerprint of a device's public keys."""
    digest = hashlib.sha256(b"waymark public keys v1\0" + signing + receiving).digest()[:16]
    return "-".join(digest[i : i + 2].hex() for i in range(0, 16, 2))


def enrol(base: str, invite_code: str) -> dict:
    assert invite_code.startswith("wm1-"), invite_code
    invite = json.loads(unb64(invite_code[4:]))
    signing, receiving = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    body = {"invite_token": invite["token"], "keys": {"signing": b64(raw_public(signing)), "receiving": b64(raw_public(receiving))}}
    answer = requests.post(f"{base}/v1/enrol", json=body, timeout=30)
    # Enrolment is rate-limited on purpose; waiting as the service asks is what a device does.
    while answer.status_code == 429:
        time.sleep(int(answer.headers.get("retry-after", "1")))
        answer = requests.post(f"{base}/v1/enrol", json=body, timeout=30)
    assert answer.status_code == 201, f"enrolment refused: {answer.status_code} {answer.text}"
    return {
        "id": answer.json()["device_id"],
        "signing_private": b64(raw_private(signing)),
        "signing_public": b64(raw_public(signing)),
        "person_id": invite.get("person_id"),
        "code": device_code(raw_public(signing), raw_public(receiving)),
    }


def signed(base: str, device: dict, method: str, path: str, body=None) -> requests.Response:
    data = b"" if body is None else json.dumps(body).encode()
    headers = signed_headers(device, method, path, data)
    if body is not None:
        headers["content-type"] = "application/json"
    return requests.request(method, base + path, data=data, headers=headers, timeout=30)


def patiently(base: str, device: dict, method: str, path: str, body=None) -> requests.Response:
    """`signed`, waiting as the service asks while this device's request allowance is spent
    (the duty worker's laptop signs many of schemathesis's calls)."""
    answer = signed(base, device, method, path, body)
    for _ in range(30):
        if answer.status_code != 429:
            break
        time.sleep(int(answer.headers.get("retry-after", "1")))
        answer = signed(base, device, method, path, body)
    return answer


def canonical(value) -> bytes:
    """JSON as serde_json writes it (no spaces, keys in the order given, non-ASCII as is): what a
    roster link's or an audit entry's signature and hash are over."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def roster_link(base: str, device: dict, entry: dict) -> dict:
    """`entry` as the next roster link, signed by `device` (see `RosterLink::sign`)."""
    links = []
    while True:
        page = patiently(base, device, "GET", f"/v1/roster?from={len(links)}").json()
        links += page["links"]
        if not page["links"] or links[-1]["content"]["seq"] >= page["head_seq"]:
            break
    last = links[-1]
    prev = b64(hashlib.sha256(b"waymark roster hash v1\0" + canonical(last)).digest())
    content = {"format": 1, "seq": last["content"]["seq"] + 1, "prev": prev, "at": int(time.time()), "entry": entry, "signer": device["signing_public"]}
    key = Ed25519PrivateKey.from_private_bytes(unb64(device["signing_private"]))
    return {"content": content, "signature": b64(key.sign(b"waymark roster link v1\0" + canonical(content)))}


def audit_entry(device: dict, seq: int, prev: str, action: dict) -> dict:
    """An audit entry signed by `device` (see `AuditEntry::sign`)."""
    content = {"format": 1, "device_id": device["id"], "seq": seq, "prev": prev, "at": int(time.time()), "action": action}
    key = Ed25519PrivateKey.from_private_bytes(unb64(device["signing_private"]))
    return {"content": content, "signature": b64(key.sign(b"waymark audit entry v1\0" + canonical(content)))}


def audit_hash(entry: dict) -> str:
    return b64(hashlib.sha256(b"waymark audit hash v1\0" + canonical(entry)).digest())


def sender_signature(device: dict, envelope: dict) -> str | None:
    """The sending device's signature over an envelope (see `Envelope::sign_as_sender` and
    docs/CRYPTO.md), or None when the envelope's fields are not of the shape one is made over
    (the service then refuses it for its shape)."""
    try:
        fmt, kind = int(envelope["format"]), envelope["record_kind"].encode()
        aad = b"waymark envelope header\0" + struct.pack(">I", fmt)
        aad += uuid.UUID(envelope["envelope_id"]).bytes + uuid.UUID(envelope["device_id"]).bytes
        aad += struct.pack(">I", len(kind)) + kind + uuid.UUID(envelope["record_id"]).bytes
        aad += struct.pack(">I", int(envelope["record_version"]))
        if fmt >= 3:
            aad += bytes([1 if envelope.get("urgent") else 0])
        if fmt == 4:
            aad += readers_digest(envelope["recipients"])
        enc = envelope.get("enc", "").encode()
        seq = envelope.get("seq")
        message = b"waymark envelope sender v1\0" + struct.pack(">I", len(aad)) + aad
        message += struct.pack(">I", len(enc)) + enc + struct.pack(">I", 0xFFFFFFFF if seq is None else int(seq))
        message += hashlib.sha256(envelope["ciphertext"].encode()).digest()
    except (KeyError, TypeError, ValueError, AttributeError, struct.error):
        return None
    key = Ed25519PrivateKey.from_private_bytes(unb64(device["signing_private"]))
    return b64(key.sign(message))


def readers_digest(recipients) -> bytes:
    """What binds a format 4 envelope to its readers (see `readers_digest` in envelope.rs)."""
    h = hashlib.sha256(b"waymark envelope readers\0")
    for r in recipients:
        h.update(uuid.UUID(r["device_id"]).bytes)
        for part in (r["enc"].encode(), r["key"].encode()):
            h.update(struct.pack(">I", len(part)) + part)
    return h.digest()


def envelope_of(device: dict, record_id: str, urgent: bool = False) -> dict:
    """A format-4 envelope for one (invented) worker's laptop, with random sealed bytes: the
    service stores envelopes without opening them, so the shape is all it can check."""
    envelope = {
        "format": 4,
        "envelope_id": str(uuid.uuid4()),
        "device_id": device["id"],
        "record_kind": "statement",
        "record_id": record_id,
        "record_version": 1,
        "recipients": [{"device_id": str(uuid.uuid4()), "enc": b64(os.urandom(32)), "key": b64(os.urandom(48))}],
        "seq": 0,
        "ciphertext": b64(os.urandom(80)),
    }
    if urgent:
        envelope["urgent"] = True
    envelope["sender_signature"] = sender_signature(device, envelope)
    return envelope


def worker_mail(worker: dict, to: dict) -> dict:
    """A batch of one receipt from a worker's laptop to a person's device, in organisation mail's
    shape (random sealed bytes and signature: the service checks who may send to whom, and the
    device checks the rest)."""
    envelope = {
        "format": 2,
        "envelope_id": str(uuid.uuid4()),
        "device_id": to["id"],
        "record_kind": "receipt",
        "record_id": str(uuid.uuid4()),
        "record_version": 1,
        "enc": b64(os.urandom(32)),
        "seq": 0,
        "ciphertext": b64(os.urandom(80)),
    }
    mail = {"format": 2, "kind": "receipt", "envelope": envelope, "person_id": to["person_id"], "signer": worker["signing_public"], "signature": b64(os.urandom(64))}
    return {"format": 1, "items": [{"device_id": to["id"], "body": json.dumps(mail)}]}


def stored_envelopes(db: str, device_id: str) -> list:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT envelope_id, body FROM envelopes WHERE device_id = ? ORDER BY seq", (device_id,)).fetchall()


def wait_for(base: str) -> None:
    for _ in range(100):
        try:
            if requests.get(f"{base}/v1/service", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    sys.exit(f"the service at {base} did not start")


def setup(base: str, state_path: str, invites: list) -> None:
    wait_for(base)
    # Ten people's codes (eight probing devices, the checker, the other), then the duty worker's
    # laptops: the first kept for `verify`, the rest taking turns under schemathesis.
    *probers, checker_code, other_code = invites[:10]
    devices = [enrol(base, code) for code in probers]
    checker = enrol(base, checker_code)
    other = enrol(base, other_code)
    worker, *worker_probers = [enrol(base, code) for code in invites[10:]]
    record_id = str(uuid.uuid4())
    envelope = envelope_of(other, record_id)
    answer = signed(base, other, "POST", "/v1/envelopes", envelope)
    assert answer.status_code == 201, f"the other device's upload was refused: {answer.status_code} {answer.text}"
    # One urgent item from a probing device (after the other device's, which stays #1), so the duty
    # worker's laptop (approved by the administrator after this) has an alert, #1, to acknowledge.
    urgent = envelope_of(devices[0], str(uuid.uuid4()), urgent=True)
    answer = signed(base, devices[0], "POST", "/v1/envelopes", urgent)
    assert answer.status_code == 201, f"the urgent upload was refused: {answer.status_code} {answer.text}"
    state = {"probers": devices, "checker": checker, "other": other, "other_envelope": envelope, "other_record_id": record_id, "worker": worker, "worker_probers": worker_probers}
    with open(state_path, "w") as f:
        json.dump(state, f)
    print(f"enrolled {len(devices)} probing devices, a checking device and one other device, which shared one envelope")


def verify(base: str, state_path: str, db: str) -> None:
    with open(state_path) as f:
        state = json.load(f)
    other, checker, envelope = state["other"], state["checker"], state["other_envelope"]
    failures = []

    def expect(ok: bool, what: str):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    # The checker uploads an envelope claiming to be from the other device.
    forged = envelope_of(other, str(uuid.uuid4()))
    answer = signed(base, checker, "POST", "/v1/envelopes", forged)
    expect(answer.status_code in (400, 403), f"an envelope naming another device is refused ({answer.status_code})")
    # The checker signs with its own key but names the other device.
    data = b""
    headers = signed_headers(checker, "GET", "/v1/mailbox", data)
    headers["waymark-device"] = other["id"]
    answer = requests.get(base + "/v1/mailbox", headers=headers, timeout=30)
    expect(answer.status_code == 401, f"a request signed by one device in another's name is refused ({answer.status_code})")
    # No signature at all.
    answer = requests.get(base + "/v1/mailbox", timeout=30)
    expect(answer.status_code == 401, f"an unsigned mailbox read is refused ({answer.status_code})")
    # The checker asks to delete the other device's record, by its kind and id.
    deletion = {"format": 2, "request_id": str(uuid.uuid4()), "record_kind": "statement", "record_ids": [state["other_record_id"]]}
    answer = signed(base, checker, "POST", "/v1/deletions", deletion)
    deleted = answer.json().get("deleted") if answer.status_code == 200 else None
    expect(deleted == 0, f"a deletion naming another device's record deletes nothing ({answer.status_code}, deleted {deleted})")
    # After the whole schemathesis run and the probes above, the other device's envelope is there
    # exactly as it sent it, and it is the only thing stored under its name.
    rows = stored_envelopes(db, other["id"])
    expect(len(rows) == 1 and rows[0][0] == envelope["envelope_id"], f"the other device's envelope is still stored, alone ({len(rows)} rows)")
    expect(bool(rows) and json.loads(rows[0][1]) == envelope, "the other device's envelope is unchanged")
    # A person's laptop cannot post workers' mail; the duty worker's laptop can, to the checking
    # device (approved by the administrator), addressed to that device's person, and to no other.
    mail = worker_mail(state["worker"], checker)
    # (The checking device: the probing devices may have spent their request allowance by now.)
    answer = signed(base, checker, "POST", "/v1/worker-mail", mail)
    expect(answer.status_code == 403, f"a person's laptop cannot post workers' mail ({answer.status_code})")
    answer = signed(base, state["worker"], "POST", "/v1/worker-mail", worker_mail(state["worker"], other))
    expect(answer.status_code == 403, f"workers' mail to a device nobody approved is refused ({answer.status_code})")
    answer = signed(base, state["worker"], "POST", "/v1/worker-mail", mail)
    expect(answer.status_code == 201, f"the duty worker's laptop files mail for an approved device ({answer.status_code} {answer.text})")
    answer = signed(base, checker, "GET", "/v1/mailbox")
    expect(answer.status_code == 200 and len(answer.json().get("items", [])) == 1, f"the approved device finds that one item ({answer.status_code})")
    # The other device still reads its own mailbox, which nobody else put anything in.
    answer = signed(base, other, "GET", "/v1/mailbox")
    expect(answer.status_code == 200 and answer.json().get("items") == [], f"the other device's mailbox holds nothing from anyone else ({answer.status_code})")
    # An administrator worker's laptop changes the roster with a link it signed; a person's laptop
    # cannot, nor can the worker's laptop pass on a link someone else signed.
    worker = state["worker"]
    added = {"op": "add_person", "person_id": str(uuid.uuid4()), "role": "carer"}
    answer = patiently(base, checker, "POST", "/v1/roster-links", roster_link(base, checker, added))
    expect(answer.status_code == 403, f"a person's laptop cannot change the roster ({answer.status_code})")
    answer = patiently(base, worker, "POST", "/v1/roster-links", roster_link(base, checker, added))
    expect(answer.status_code == 403, f"a link signed by another device is refused ({answer.status_code})")
    answer = patiently(base, worker, "POST", "/v1/roster-links", roster_link(base, worker, added))
    expect(answer.status_code == 201, f"the administrator worker's laptop adds a person to the roster ({answer.status_code} {answer.text})")
    # It registers an invite for that person (the service keeps the token's hash); a person's
    # laptop cannot.
    invite = {"format": 1, "token_hash": b64(hashlib.sha256(os.urandom(16)).digest()), "person_id": added["person_id"], "expires_at": int(time.time()) + 3600}
    answer = patiently(base, checker, "POST", "/v1/invites", invite)
    expect(answer.status_code == 403, f"a person's laptop cannot make invites ({answer.status_code})")
    answer = patiently(base, worker, "POST", "/v1/invites", invite)
    expect(answer.status_code == 201 and answer.json().get("role") == "carer", f"the administrator worker's laptop registers an invite ({answer.status_code} {answer.text})")
    # Its audit entries are kept in order, signed by it; one skipping ahead, or signed by another
    # device, is refused.
    first = audit_entry(worker, 0, "", {"kind": "made_invite", "person_id": added["person_id"]})
    skipping = audit_entry(worker, 2, audit_hash(first), {"kind": "made_invite", "person_id": added["person_id"]})
    answer = patiently(base, worker, "POST", "/v1/audit", {"format": 1, "entries": [skipping]})
    expect(answer.status_code == 409, f"an audit entry skipping ahead is refused ({answer.status_code})")
    forged = audit_entry(checker, 0, "", {"kind": "made_invite", "person_id": added["person_id"]})
    forged["content"]["device_id"] = worker["id"]
    answer = patiently(base, worker, "POST", "/v1/audit", {"format": 1, "entries": [forged]})
    expect(answer.status_code == 403, f"an audit entry not signed by the laptop is refused ({answer.status_code})")
    answer = patiently(base, worker, "POST", "/v1/audit", {"format": 1, "entries": [first]})
    expect(answer.status_code == 201 and answer.json().get("head_seq") == 0, f"the laptop's first audit entry is kept ({answer.status_code} {answer.text})")
    answer = patiently(base, worker, "GET", "/v1/audit")
    kept = [row["entry"] for row in answer.json().get("entries", [])] if answer.status_code == 200 else []
    expect(kept == [first], f"the administrator reads it back exactly as signed ({answer.status_code})")
    answer = patiently(base, checker, "GET", "/v1/audit")
    expect(answer.status_code == 403, f"a person's laptop cannot read the audit log ({answer.status_code})")
    # The administrator worker's laptop publishes the library (the one published, as a newer
    # version, signed by the laptop); one it did not sign, or from a person's laptop, is refused.
    published = json.loads(requests.get(f"{base}/v1/resources", timeout=30).text)
    bundle = json.loads(published["bundle"])
    bundle["bundle_version"] += 1
    text = json.dumps(bundle)
    key = Ed25519PrivateKey.from_private_bytes(unb64(worker["signing_private"]))
    def signed_library(expires_at):
        message = b"waymark-library-bundle-v2\n" + str(expires_at).encode() + b"\n" + text.encode()
        return {"format": "waymark-signed-library", "format_version": 2, "bundle": text, "expires_at": expires_at, "signature": key.sign(message).hex()}
    library = signed_library(int(time.time()) + 30 * 86400)
    answer = patiently(base, checker, "POST", "/v1/resources", library)
    expect(answer.status_code == 403, f"a person's laptop cannot publish the library ({answer.status_code})")
    answer = patiently(base, worker, "POST", "/v1/resources", dict(library, signature=published["signature"]))
    expect(answer.status_code == 400, f"a library the laptop did not sign is refused ({answer.status_code})")
    answer = patiently(base, worker, "POST", "/v1/resources", signed_library(int(time.time()) - 60))
    expect(answer.status_code == 400, f"a library past its date is refused ({answer.status_code})")
    answer = patiently(base, worker, "POST", "/v1/resources", dict(library, expires_at=library["expires_at"] + 86400))
    expect(answer.status_code == 400, f"a library whose date was changed after signing is refused ({answer.status_code})")
    answer = patiently(base, worker, "POST", "/v1/resources", library)
    expect(answer.status_code == 201 and answer.json().get("version") == bundle["bundle_version"], f"the administrator's laptop publishes the library ({answer.status_code} {answer.text[:200]})")
    answer = requests.get(f"{base}/v1/resources", timeout=30)
    expect(answer.status_code == 200 and json.loads(answer.text).get("bundle") == text, f"devices are handed that library ({answer.status_code})")
    if failures:
        sys.exit(f"{len(failures)} cross-device check(s) failed")


if __name__ == "__main__":
    command, base, state_path, *rest = sys.argv[1:]
    if command == "setup":
        setup(base, state_path, rest)
    elif command == "verify":
        verify(base, state_path, rest[0])
    else:
        sys.exit(f"unknown command {command}")
