"""schemathesis hooks for the Waymark service: every request is signed as one of the enrolled
probing devices (the signature covers the exact bytes sent, so it is made by a `requests` auth
object at the last moment), and two extra checks run on every response:

- no response carries the other device's id, envelope or mailbox item;
- by the end, every signed operation has answered 2xx at least once, so the signing worked and
  the run exercised the handlers rather than the authentication wall.

The state file is written by `waymark_api.py setup`; its path is in WAYMARK_API_STATE.
"""

import json
import os
import urllib.parse
import uuid

import requests
import schemathesis

from waymark_api import sender_signature, signed_headers

with open(os.environ["WAYMARK_API_STATE"]) as _f:
    STATE = json.load(_f)


def claimed_devices(body: bytes) -> set:
    """The device ids an upload names (an envelope, or each envelope of a batch), when they are
    well-formed: the service takes uploads only from the device they name, which schemathesis
    cannot know, so the signer puts its own id there. A malformed id is left for the service to
    refuse."""
    try:
        doc = json.loads(body)
    except ValueError:
        return set()
    items = doc.get("envelopes") if isinstance(doc, dict) else None
    items = items if isinstance(items, list) else [doc]
    found = set()
    for item in items:
        value = item.get("device_id") if isinstance(item, dict) else None
        if isinstance(value, str):
            try:
                if str(uuid.UUID(value)) == value:
                    found.add(value)
            except ValueError:
                pass
    return found


def signed_by_sender(device: dict, body: bytes) -> bytes:
    """Adds the sending device's signature to each envelope an upload carries, as the app does
    (the service refuses unsigned envelopes from devices that joined through the roster). Left
    as generated when it is not JSON of an envelope or batch, or a signature is already there."""
    try:
        doc = json.loads(body)
    except ValueError:
        return body
    batch = isinstance(doc, dict) and isinstance(doc.get("envelopes"), list)
    items = doc["envelopes"] if batch else [doc]
    changed = False
    for item in items:
        if isinstance(item, dict) and "sender_signature" not in item and item.get("device_id") == device["id"]:
            signature = sender_signature(device, item)
            if signature is not None:
                item["sender_signature"] = signature
                changed = True
    return json.dumps(doc).encode() if changed else body


class DeviceSigner(requests.auth.AuthBase):
    """Signs each request as the next probing device in turn."""

    def __init__(self, devices):
        self.devices = devices
        self.turn = 0
        self.worker_turn = 0

    def __call__(self, request):
        url = urllib.parse.urlsplit(request.url)
        # Alerts, what was shared with a worker, workers' mail and what an administrator does
        # (roster links, invites, enrolments, the audit log) are for a worker's laptop: those
        # calls are signed by the duty worker's laptops in turn (the root made them an
        # administrator), each with its own request allowance.
        if url.path.startswith(("/v1/alert", "/v1/team-alerts", "/v1/shared", "/v1/worker-mail", "/v1/roster-links", "/v1/invites", "/v1/enrolments", "/v1/audit")) or (request.method == "POST" and url.path == "/v1/resources"):
            workers = STATE["worker_probers"]
            device = workers[self.worker_turn % len(workers)]
            self.worker_turn += 1
        else:
            device = self.devices[self.turn % len(self.devices)]
            self.turn += 1
        path_and_query = url.path + (f"?{url.query}" if url.query else "")
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode()
        # Replaced in the bytes as generated, so nothing else about the body changes.
        for claimed in claimed_devices(body):
            body = body.replace(claimed.encode(), device["id"].encode())
        body = signed_by_sender(device, body)
        if body != (request.body or b""):
            request.body = body
            request.headers["Content-Length"] = str(len(body))
        for name, value in signed_headers(device, request.method, path_and_query, body).items():
            request.headers[name] = value
        return request


SIGNER = DeviceSigner(STATE["probers"])


@schemathesis.hook
def before_call(context, case, kwargs):
    # schemathesis leaves the signature header out of the cases that test a missing one; those
    # go unsigned, so the service's refusal is what is checked.
    if "waymark-signature" in (case.headers or {}):
        kwargs["auth"] = SIGNER


OTHER_MARKERS = [
    STATE["other"]["id"],
    STATE["other_envelope"]["envelope_id"],
    STATE["other_envelope"]["ciphertext"],
]


@schemathesis.check
def no_other_device_data(ctx, response, case):
    """Nothing the probing devices are answered may carry the other device's data."""
    text = response.content.decode("utf-8", "replace") if response.content else ""
    for marker in OTHER_MARKERS:
        if marker in text:
            raise AssertionError(f"a response to a probing device carries the other device's data ({marker[:12]}…)")


@schemathesis.check
class SignedOperationsReached:
    """Fails if a signed operation never answered 2xx: then the run only met the 401 wall."""

    def __init__(self):
        self.reached = set()
        self.signed = set()

    def after_response(self, ctx, response, case):
        operation = case.operation
        if operation.definition.raw.get("security"):
            self.signed.add(operation.label)
            if 200 <= response.status_code < 300:
                self.reached.add(operation.label)

    # Filing workers' mail needs a body naming an approved device and its person, and a roster
    # link, an invite or an audit entry a signature over it, which no generator can make:
    # `waymark_api.py verify` reaches each with a real one, and checks it.
    REACHED_ELSEWHERE = {"POST /v1/worker-mail", "POST /v1/roster-links", "POST /v1/invites", "POST /v1/audit", "POST /v1/resources"}

    def after_run(self, ctx):
        missed = sorted(self.signed - self.reached - self.REACHED_ELSEWHERE)
        if missed:
            raise AssertionError(f"signed operations never answered 2xx: {', '.join(missed)}")
