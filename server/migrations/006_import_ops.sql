-- Team imports as operations the server orders: an import (its parsed records in gzip chunks, as
-- the laptop sent them) or the undo of one. seq stays NULL until the operation is ordered; places
-- are handed out one at a time under a lock, so they run 1, 2, 3 … with none taken twice or skipped.
CREATE TABLE import_ops (
  op_id uuid PRIMARY KEY,
  seq bigint UNIQUE,
  kind text NOT NULL CHECK (kind IN ('import', 'undo')),
  undoes uuid REFERENCES import_ops (op_id),
  file_name text NOT NULL,
  file_hash text NOT NULL,
  format text NOT NULL,
  format_label text NOT NULL,
  -- Which source's orders the file's payments refer to (its format's orderSource), so a teammate
  -- without that format joins them alike.
  order_source text NOT NULL,
  shop text,
  records integer NOT NULL CHECK (records >= 0),
  chunk_hashes text[] NOT NULL,
  digest text NOT NULL,
  account_id integer NOT NULL REFERENCES accounts (id),
  device_id uuid NOT NULL,
  created_at bigint NOT NULL,
  ordered_at bigint,
  live_digest jsonb,
  undone_by uuid REFERENCES import_ops (op_id),
  -- An undo names its import; an import names none. An ordered operation has its time and digest.
  CHECK ((kind = 'undo') = (undoes IS NOT NULL)),
  CHECK ((seq IS NULL) = (ordered_at IS NULL) AND (seq IS NULL) = (live_digest IS NULL)),
  CHECK (kind = 'import' OR undone_by IS NULL)
);

-- One file (same content, format and shop) is in the team's orders at most once, until undone.
CREATE UNIQUE INDEX import_ops_live_file ON import_ops (file_hash, format, shop) NULLS NOT DISTINCT
  WHERE kind = 'import' AND seq IS NOT NULL AND undone_by IS NULL;

-- Each chunk as sent (gzip) and how large it is once decompressed; its SHA-256 is in chunk_hashes.
CREATE TABLE import_op_chunks (
  op_id uuid NOT NULL REFERENCES import_ops (op_id) ON DELETE CASCADE,
  n integer NOT NULL CHECK (n >= 0),
  bytes bytea NOT NULL,
  raw_bytes integer NOT NULL,
  PRIMARY KEY (op_id, n)
);
-- gzip bytes do not compress again: store them out of line without trying.
ALTER TABLE import_op_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
