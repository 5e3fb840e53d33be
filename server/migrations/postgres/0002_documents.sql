-- Uploaded files, each under the idempotency key of its upload: the unique key makes one
-- document per key, whichever instance inserts first. A document is claimed by the submission
-- that names it; one never claimed is deleted after the draft lifetime.
CREATE TABLE documents (
    id              text PRIMARY KEY,
    idempotency_key text NOT NULL UNIQUE,
    sha256          text NOT NULL,
    size            bigint NOT NULL,
    type            text NOT NULL,
    bytes           bytea NOT NULL,
    created_on      date NOT NULL,
    claimed_by      text REFERENCES submissions (reference),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_unclaimed ON documents (created_on) WHERE claimed_by IS NULL;
