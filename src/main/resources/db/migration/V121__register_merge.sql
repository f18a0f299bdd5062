-- A report linked to the outgoing message it is about: the report's incident is merged into the
-- message's. Both stay (reversible); the row says which went into which and what the message incident's
-- discovery time was before, so unlinking can put it back.
CREATE TABLE register_merge (
    incident_id       BIGINT        NOT NULL PRIMARY KEY,
    into_id           BIGINT        NOT NULL,
    discovered_before VARCHAR(40)   NOT NULL,
    merged_at         TIMESTAMP     NOT NULL,
    actor             VARCHAR(200)  NOT NULL
);

CREATE INDEX register_merge_into ON register_merge (into_id);
