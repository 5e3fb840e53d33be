"""Sends the reference server one request of each kind that matters (accepted, replayed,
conflicting, refused, found, not found, too many lookups, unreadable; health and readiness;
documents uploaded, replayed, conflicting, refused, read back and named by a submission)
and checks that each answer's status is
the expected one, is documented for its operation in the OpenAPI document, and that its body
matches the documented schema for its media type. Schemathesis generates the rest; this makes
sure the successful answers, which generated data seldom reaches, are checked too.

usage: check_answers.py BASE_URL OPENAPI_YAML SAMPLES_JSON
"""

import copy
import json
import sys
import urllib.error
import urllib.request

import jsonschema_rs
import yaml


def send(base, method, path, body=None, headers=None, raw=None):
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.headers.get_content_type(), answer.read(), answer.headers
    except urllib.error.HTTPError as answer:
        return answer.code, answer.headers.get_content_type(), answer.read(), answer.headers


def resolve(node):
    """Follows local references (`#/components/...`) to what they name."""
    while isinstance(node, dict) and node.get("$ref", "").startswith("#/"):
        target = SPEC
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = target
    return node


def check(name, method, path, expected, answer):
    status, media_type, body, headers = answer
    problems = []
    if status != expected:
        problems.append(f"status {status}, expected {expected}")
    operation = SPEC["paths"][path][method.lower()]
    documented = operation["responses"].get(str(status))
    if documented is None:
        problems.append(f"status {status} is not documented")
    else:
        for header, spec in resolve(documented).get("headers", {}).items():
            if spec.get("required") and header not in headers:
                problems.append(f"header {header} is missing")
        content = resolve(documented).get("content", {})
        if media_type not in content:
            problems.append(f"media type {media_type} is not documented for {status}")
        elif media_type.endswith("json"):
            schema = copy.deepcopy(content[media_type]["schema"])
            schema["components"] = SPEC["components"]
            errors = [e.message for e in jsonschema_rs.validator_for(schema).iter_errors(json.loads(body))]
            problems += [f"body: {e}" for e in errors[:5]]
    print(f"{'ok  ' if not problems else 'FAIL'} {name}: {method} {path} -> {status} {media_type}")
    for problem in problems:
        print(f"       {problem}")
    return not problems


# One field of each sample changed: the same key with this body must be refused.
ANOTHER_VALUE = {
    "application": ("income_year", 2024),
    "enrolment": ("project_summary", "Another summary"),
    "individual_enrolment": ("project_summary", "Another summary"),
    "invitation": ("stay_days", 91),
    "list_request": ("contact_name", "Another Person"),
}


def main():
    global SPEC
    base, spec_path, samples_path = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    with open(spec_path) as f:
        SPEC = yaml.safe_load(f)
    with open(samples_path) as f:
        samples = json.load(f)
    wrap = lambda data: {"schema_version": 1, "data": data}
    results = []

    def run(name, method, path, expected, path_as=None, **request):
        answer = send(base, method, path_as or path, **request)
        results.append(check(name, method, path, expected, answer))
        return answer

    run("health", "GET", "/health", 200)
    run("readiness", "GET", "/ready", 200)
    run("catalogue", "GET", "/v1/catalogue", 200)
    references = {}
    for kind, path in [
        ("application", "/v1/applications"),
        ("enrolment", "/v1/enrolments"),
        ("individual_enrolment", "/v1/enrolments"),
        ("invitation", "/v1/invitations"),
        ("list_request", "/v1/list-requests"),
    ]:
        key = {"Idempotency-Key": f"contract-{kind}-0000000"}
        body = wrap(samples[kind])
        answer = run(f"{kind} accepted", "POST", path, 201, body=body, headers=key)
        if answer[0] == 201:
            references[kind] = json.loads(answer[2])["data"]["reference"]
        run(f"{kind} replayed", "POST", path, 200, body=body, headers=key)
        changed = copy.deepcopy(body)
        field, value = ANOTHER_VALUE[kind]
        changed["data"][field] = value
        run(f"{kind} conflicting", "POST", path, 409, body=changed, headers=key)
        run(f"{kind} without a key", "POST", path, 400, body=body)
        run(f"{kind} not JSON", "POST", path, 400, raw=b"{", headers={"Idempotency-Key": "contract-not-json-000"})

    refused = copy.deepcopy(samples["application"])
    refused["organisation"]["bin"] = "970740000839"
    run("application refused", "POST", "/v1/applications", 422, body=wrap(refused),
        headers={"Idempotency-Key": "contract-refused-00000"})

    refused = copy.deepcopy(samples["list_request"])
    refused["entity_type"] = "bank"
    run("list request refused", "POST", "/v1/list-requests", 422, body=wrap(refused),
        headers={"Idempotency-Key": "contract-list-refused-0"})
    run("list request status found", "POST", "/v1/status", 200,
        body=wrap({"reference": references.get("list_request", "AH-2026-F-7K3M9Q-A"),
                   "second_factor": samples["bin"]}))

    reference = references.get("application", "AH-2026-P-7K3M9Q-A")
    run("status found", "POST", "/v1/status", 200,
        body=wrap({"reference": reference, "second_factor": samples["bin"]}))
    run("status, wrong second factor", "POST", "/v1/status", 404,
        body=wrap({"reference": reference, "second_factor": "971240001583"}))
    run("status, mistyped reference", "POST", "/v1/status", 422,
        body=wrap({"reference": "AH-2026-P-7K3M9Q-B", "second_factor": samples["bin"]}))
    # run.sh allows 5 lookups per reference: two were made (a mistyped one is not a lookup),
    # three more are allowed.
    for _ in range(3):
        send(base, "POST", "/v1/status", wrap({"reference": reference, "second_factor": "971240001583"}))
    run("status, too many lookups", "POST", "/v1/status", 429,
        body=wrap({"reference": reference, "second_factor": samples["bin"]}))

    pdf = b"%PDF-1.4\n%%EOF\n"
    as_pdf = {"Content-Type": "application/pdf", "Idempotency-Key": "contract-document-0000"}
    answer = run("document uploaded", "POST", "/v1/documents", 201, raw=pdf, headers=as_pdf)
    receipt = json.loads(answer[2])["data"] if answer[0] == 201 else {}
    run("document replayed", "POST", "/v1/documents", 200, raw=pdf, headers=as_pdf)
    run("document conflicting", "POST", "/v1/documents", 409, raw=pdf + b" ", headers=as_pdf)
    run("document not a PDF, PNG or JPEG", "POST", "/v1/documents", 415, raw=b"MZ\x90\x00program",
        headers={"Content-Type": "application/pdf", "Idempotency-Key": "contract-document-exe0"})
    run("document empty", "POST", "/v1/documents", 422, raw=b"",
        headers={"Content-Type": "application/pdf", "Idempotency-Key": "contract-document-empty"})
    run("document read back", "GET", "/v1/documents/{id}", 200,
        path_as=f"/v1/documents/{receipt.get('id', 'none')}")
    run("document unknown", "GET", "/v1/documents/{id}", 404, path_as="/v1/documents/doc_0")
    named = copy.deepcopy(samples["application"])
    named["attachments"] = [{"id": receipt.get("id", "none"), "kind": "business_plan",
                             "name": "plan.pdf", "size": receipt.get("size", 0),
                             "sha256": receipt.get("sha256", "")}]
    run("application naming its document", "POST", "/v1/applications", 201, body=wrap(named),
        headers={"Idempotency-Key": "contract-named-document"})
    named["attachments"][0]["id"] = "doc_" + "0" * 32
    run("application naming an unknown document", "POST", "/v1/applications", 422,
        body=wrap(named), headers={"Idempotency-Key": "contract-unknown-document"})

    failed = results.count(False)
    print(f"answers checked against the contract: {len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
