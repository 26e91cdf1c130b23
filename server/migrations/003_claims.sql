-- Who works on which order, ring or dispute now (one row per claimed case), and every claim,
-- release and reassignment ever made, for the audit trail.
CREATE TABLE claims (
  subject text NOT NULL CHECK (subject IN ('order', 'ring', 'dispute')),
  key text NOT NULL,
  holder_id integer NOT NULL REFERENCES accounts (id),
  since bigint NOT NULL,
  assigned_by_id integer REFERENCES accounts (id),
  PRIMARY KEY (subject, key)
);
CREATE INDEX claims_holder ON claims (holder_id);

CREATE TABLE claim_history (
  id bigserial PRIMARY KEY,
  subject text NOT NULL,
  key text NOT NULL,
  action text NOT NULL CHECK (action IN ('claim', 'release', 'reassign')),
  holder_id integer REFERENCES accounts (id),
  by_id integer NOT NULL REFERENCES accounts (id),
  at bigint NOT NULL
);
