-- The unique constraints are what makes several instances safe: a key makes one record, a
-- reference names one record, whichever instance inserts first.
CREATE TABLE submissions (
    reference       text PRIMARY KEY,
    kind            text NOT NULL,
    submitted_on    date NOT NULL,
    second_factor   text NOT NULL,
    idempotency_key text NOT NULL UNIQUE,
    fingerprint     text NOT NULL,
    -- The canonical JSON as text: jsonb would reorder it.
    body            text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
