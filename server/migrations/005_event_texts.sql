-- Personal text beside events (a note, a linked value, a file's name): kept apart from the
-- append-only events, whose hashes cover only a salted hash of each text, so an erasure can
-- delete the text while every device's chain still verifies. An event id once erased stays
-- listed, so its text is never stored again (a laptop resending an older batch).
CREATE TABLE event_texts (
  event_id uuid PRIMARY KEY REFERENCES events (id),
  texts text NOT NULL
);

CREATE TABLE event_text_erasures (
  event_id uuid PRIMARY KEY,
  erasure_id uuid NOT NULL REFERENCES events (id),
  at bigint NOT NULL
);
