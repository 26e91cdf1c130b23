-- Dispute files' bytes, kept once per content and named by their SHA-256, so a teammate can fetch
-- what an analyst attached. The server takes a file only while an attachment event it holds, not
-- erased, names it attached; an erasure naming those events deletes the bytes (see attachment_events).
CREATE TABLE attachment_files (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes bytea NOT NULL,
  size integer NOT NULL CHECK (size > 0 AND size = octet_length(bytes)),
  type text NOT NULL CHECK (type IN ('pdf', 'png', 'jpeg', 'eml')),
  uploaded_by integer NOT NULL REFERENCES accounts (id),
  uploaded_at bigint NOT NULL
);

-- Which attachment events name which file, written with each push, so a file is found by its hash
-- without reading every payload.
CREATE TABLE attachment_events (
  event_id uuid PRIMARY KEY REFERENCES events (id),
  sha256 text NOT NULL,
  attached boolean NOT NULL
);
CREATE INDEX attachment_events_sha256 ON attachment_events (sha256);

-- Attachment events pushed before this migration. A payload is kept as its canonical JSON text
-- (002), where a quote inside a string is always escaped, so these patterns can only match the
-- payload's own fields.
INSERT INTO attachment_events (event_id, sha256, attached)
SELECT id, substring(payload FROM '"sha256":"([0-9a-f]{64})"'), payload LIKE '%"action":"attached"%'
  FROM events
 WHERE kind = 'attachment' AND payload ~ '"sha256":"[0-9a-f]{64}"';
