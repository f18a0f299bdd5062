-- Report forms (package intake). One report per incident it opened: the answers exactly as typed
-- (JSON) and the reporter's contact details, kept apart from the incident's AP answers so no export of
-- the AP form carries them. Times are UTC.
CREATE TABLE intake_report (
    incident_id   BIGINT          NOT NULL PRIMARY KEY,
    origin        VARCHAR(20)     NOT NULL,
    answers       VARCHAR(200000) NOT NULL,
    contact_phone VARCHAR(400)    NOT NULL,
    contact_email VARCHAR(400)    NOT NULL,
    reporter      VARCHAR(320)    NOT NULL,
    created_at    TIMESTAMP       NOT NULL
);

-- Rate-limit counters of the report forms (per client address, per confirmation address), keyed by
-- a SHA-256, one row per report; pruned after the longest window.
CREATE TABLE intake_throttle (
    throttle_key VARCHAR(200) NOT NULL,
    attempted_at TIMESTAMP    NOT NULL
);

CREATE INDEX intake_throttle_key ON intake_throttle (throttle_key, attempted_at);
