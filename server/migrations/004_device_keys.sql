-- Each device's chain is bound to a secret the laptop made at its first keyed push, so one account
-- cannot extend (and so fork) another laptop's chain. Only a SHA-256 of the secret is kept.
CREATE TABLE device_keys (
  device_id uuid PRIMARY KEY,
  key_hash text NOT NULL,
  bound_at bigint NOT NULL,
  bound_by integer NOT NULL REFERENCES accounts (id)
);
