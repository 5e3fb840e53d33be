-- Uploaded files, each under the idempotency key of its upload. A document is claimed by the
-- submission that names it; one never claimed is deleted after the draft lifetime.
CREATE TABLE documents (
    id              TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    sha256          TEXT NOT NULL,
    size            INTEGER NOT NULL,
    type            TEXT NOT NULL,
    bytes           BLOB NOT NULL,
    created_on      TEXT NOT NULL,
    claimed_by      TEXT REFERENCES submissions (reference)
) STRICT;
CREATE INDEX documents_unclaimed ON documents (created_on) WHERE claimed_by IS NULL;
