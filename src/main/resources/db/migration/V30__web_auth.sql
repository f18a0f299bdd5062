-- Web login (package web.auth): sessions, failure counters and local accounts, in the store so any
-- instance can answer any request. Only a SHA-256 of the session cookie is kept. Times are UTC.
CREATE TABLE web_session (
    id_hash      VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_name    VARCHAR(200) NOT NULL,
    roles        VARCHAR(200) NOT NULL,
    csrf_token   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    expires_at   TIMESTAMP    NOT NULL
);

CREATE INDEX web_session_expires ON web_session (expires_at);

-- One row per failed attempt; counted over a sliding window, pruned after it.
CREATE TABLE web_throttle (
    throttle_key VARCHAR(400) NOT NULL,
    attempted_at TIMESTAMP    NOT NULL
);

CREATE INDEX web_throttle_key ON web_throttle (throttle_key, attempted_at);

-- Accounts kept in the store, next to those in web.users (config wins on a name in both).
CREATE TABLE web_user (
    user_name     VARCHAR(200) NOT NULL PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP    NOT NULL
);
