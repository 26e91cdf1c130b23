-- The team's events and every device's chain head. The payload is kept as the canonical JSON
-- text it was hashed from (jsonb would reorder and refuse some strings), so the server can
-- serve exactly what it witnessed.
CREATE TABLE events (
  server_seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  device_id uuid NOT NULL,
  seq integer NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  kind text NOT NULL,
  payload text NOT NULL,
  analyst text NOT NULL,
  at bigint NOT NULL,
  schema_version integer NOT NULL,
  account_id integer NOT NULL REFERENCES accounts (id),
  received_at bigint NOT NULL,
  UNIQUE (device_id, seq)
);

CREATE TABLE device_heads (
  device_id uuid PRIMARY KEY,
  seq integer NOT NULL,
  hash text NOT NULL,
  updated_at bigint NOT NULL
);

-- The witness must not be able to change its own testimony: events are only ever added.
CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'team events are append-only: % of event % refused', TG_OP, OLD.id;
END;
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
