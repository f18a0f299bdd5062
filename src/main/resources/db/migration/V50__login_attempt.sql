-- Login attempts per key (user name, client address) in fixed windows: one row per key, counted up in
-- a single UPDATE before the password is checked, so parallel logins on any instance cannot get past
-- the limit. Replaces web_throttle for logins (one row per failure, read before and written after the
-- check, which let parallel requests through). Times are UTC.
CREATE TABLE login_attempt (
    attempt_key  VARCHAR(400) NOT NULL PRIMARY KEY,
    window_start TIMESTAMP    NOT NULL,
    attempts     INTEGER      NOT NULL
);

CREATE INDEX login_attempt_window ON login_attempt (window_start);
