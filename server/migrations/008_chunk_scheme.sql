-- How an import's chunks are hashed: 1, SHA-256 of each chunk's bytes (every operation declared
-- before this); 2, line by line (shared/team/chunkLeaves.ts), so an erasure can take a person's
-- data out of the stored chunks and every laptop still verifies them.
ALTER TABLE import_ops ADD COLUMN chunk_scheme smallint NOT NULL DEFAULT 1 CHECK (chunk_scheme IN (1, 2));
