-- Every gateway instance that shares this store, and the fingerprints of the secrets they must
-- share (link secret, content key): an instance with a different secret refuses to start.
-- Migration numbers: V1-V9 core, V10-V19 history, V20-V29 hold, V30-V39 register.
CREATE TABLE gateway_instance (
    instance_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    hostname      VARCHAR(255) NOT NULL,
    started_at    TIMESTAMP    NOT NULL,
    last_seen_at  TIMESTAMP    NOT NULL
);

CREATE TABLE secret_fingerprint (
    name          VARCHAR(64)  NOT NULL PRIMARY KEY,
    fingerprint   VARCHAR(128) NOT NULL,
    recorded_at   TIMESTAMP    NOT NULL
);
