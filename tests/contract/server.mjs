// A local stand-in for the Fund's service, speaking the contract of public/openapi.yaml, for
// the HTTP backend's browser tests. The first path segments choose how it behaves, so tests
// can run side by side: /mode/<mode>/v1/...
//   ok         answers as the contract says
//   refuse     422 problem with field errors
//   conflict   409 problem (without a reference, as an older service answers)
//   notfound   404 problem            server    500 problem
//   limited    429 problem with Retry-After: 90
//   slow       answers after 3 s (longer than the tests' timeout)
//   lost       the first request of each idempotency key is stored, but its answer comes
//              after 3 s; a repeat with the same key gets the stored answer at once
//   busy       503 to the first request of each key (stored nothing), then ok
//   malformed  200 with a body that is not JSON          html  200 text/html
//   oldschema  200 with schema_version 0
// GET /count/<idempotency key> tells how many submissions a key made.
// Usage: node tests/contract/server.mjs [--port 8299]
import { createServer } from "node:http";

const port = Number(process.argv[process.argv.indexOf("--port") + 1] || 8299);
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const KIND_LETTER = { applications: "P", enrolments: "E", invitations: "V", "list-requests": "F" };
const KIND_NAME = {
  applications: "application",
  enrolments: "enrolment",
  invitations: "invitation",
  "list-requests": "list_request",
};
const byKey = new Map(); // idempotency key -> { body, answer }
const counts = new Map(); // idempotency key -> submissions made
const seen = new Set(); // keys that had their first request (modes lost, busy)
let serial = 1000;

function reference(letter) {
  let n = serial++;
  let chars = "";
  for (let i = 0; i < 6; i++) {
    chars = ALPHABET[n % 31] + chars;
    n = Math.floor(n / 31);
  }
  const text = "2026" + letter + chars;
  let sum = 0;
  [...text].forEach((c, i) => {
    const v = i < 4 ? Number(c) : ALPHABET.indexOf(c);
    sum += (i + 1) * v;
  });
  return `AH-2026-${letter}-${chars}-${ALPHABET[sum % 31]}`;
}

const cors = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "content-type, accept, idempotency-key",
  "access-control-expose-headers": "retry-after",
};

function send(res, status, type, body) {
  res.writeHead(status, { ...cors, "content-type": type });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}
const json = (res, status, data) => send(res, status, "application/json", { schema_version: 1, data });
const problem = (res, status, type, errors = [], extra = {}) =>
  send(res, status, "application/problem+json", { type: `urn:astana-hub-portal:problem:${type}`, title: type, status, errors, ...extra });

const timeline = [
  { stage: "submitted", due: "2026-03-18" },
  { stage: "moderation", due: "2026-03-30" },
  { stage: "commission", due: "2026-04-13" },
  { stage: "decision", due: "2026-04-13" },
];

// A request for inclusion in the Fund's list has its receipt alone: no timeline is published.
const listTimeline = [{ stage: "submitted", due: "2026-03-18" }];

function submit(res, kind, key, body, mode) {
  const stored = byKey.get(key);
  // The conflict names the submission made under the key (mode conflict, an older service's
  // answer, names none).
  if (stored && stored.body !== body)
    return problem(res, 409, "idempotency-conflict", [], { reference: stored.answer.reference });
  if (stored) return json(res, 200, stored.answer);
  if (mode === "busy" && !seen.has(key)) {
    seen.add(key);
    return problem(res, 503, "server");
  }
  const answer = {
    reference: reference(KIND_LETTER[kind]),
    kind: KIND_NAME[kind],
    submitted_on: "2026-03-18",
    timeline: kind === "list-requests" ? listTimeline : timeline,
  };
  byKey.set(key, { body, answer });
  counts.set(key, (counts.get(key) ?? 0) + 1);
  if (mode === "lost" && !seen.has(key)) {
    seen.add(key);
    return setTimeout(() => json(res, 201, answer), 3000);
  }
  json(res, 201, answer);
}

createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    if (req.method === "OPTIONS") return send(res, 204, "text/plain", "");
    const parts = new URL(req.url, "http://localhost").pathname.split("/").filter(Boolean);
    if (parts[0] === "count") return send(res, 200, "application/json", { count: counts.get(parts[1]) ?? 0 });
    const [, mode, version, endpoint] = parts;
    if (parts[0] !== "mode" || version !== "v1") return problem(res, 404, "not-found");
    if (mode === "slow") return setTimeout(() => json(res, 200, { as_of: "2026-03-18", programmes: [] }), 3000);
    if (mode === "malformed") return send(res, 200, "application/json", '{"schema_version": 1, "data": {');
    if (mode === "html") return send(res, 200, "text/html", "<p>maintenance</p>");
    if (mode === "oldschema") return send(res, 200, "application/json", { schema_version: 0, data: {} });
    if (mode === "refuse")
      return problem(res, 422, "validation", [{ path: "organisation.bin", code: "ids.bad_check_digit", detail: "check digit" }]);
    if (mode === "conflict") return problem(res, 409, "idempotency-conflict");
    if (mode === "notfound") return problem(res, 404, "not-found");
    if (mode === "server") return problem(res, 500, "server");
    if (mode === "limited") {
      res.setHeader("retry-after", "90");
      return problem(res, 429, "too-many-requests");
    }
    if (endpoint === "catalogue" && req.method === "GET") return json(res, 200, { as_of: "2026-03-18", programmes: [] });
    if (endpoint in KIND_LETTER && req.method === "POST") {
      const key = req.headers["idempotency-key"];
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        return problem(res, 400, "bad-request");
      }
      if (!key || parsed.schema_version !== 1) return problem(res, 400, "bad-request");
      return submit(res, endpoint, key, body, mode);
    }
    if (endpoint === "status" && req.method === "POST") return problem(res, 404, "not-found");
    problem(res, 404, "not-found");
  });
}).listen(port, "127.0.0.1", () => console.log(`contract test server on http://127.0.0.1:${port}`));
