CREATE TABLE submissions (
    reference       TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,
    submitted_on    TEXT NOT NULL,
    second_factor   TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    fingerprint     TEXT NOT NULL,
    body            TEXT NOT NULL
) STRICT;
