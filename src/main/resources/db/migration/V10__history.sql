-- Correspondence history (package history): who each internal sender mails outside the organisation.
-- Addresses are stored normalised (lower case, punycode domain, plus-tag removed). Times are UTC.
CREATE TABLE history_sender (
    sender         VARCHAR(320) NOT NULL PRIMARY KEY,
    message_count  BIGINT       NOT NULL,
    first_sent     TIMESTAMP    NOT NULL,
    last_sent      TIMESTAMP    NOT NULL
);

CREATE TABLE history_correspondent (
    sender         VARCHAR(320) NOT NULL,
    address        VARCHAR(320) NOT NULL,
    message_count  BIGINT       NOT NULL,
    first_sent     TIMESTAMP    NOT NULL,
    last_sent      TIMESTAMP    NOT NULL,
    PRIMARY KEY (sender, address)
);

CREATE INDEX history_correspondent_last_sent ON history_correspondent (last_sent);

CREATE TABLE history_display_name (
    sender         VARCHAR(320) NOT NULL,
    address        VARCHAR(320) NOT NULL,
    display_name   VARCHAR(320) NOT NULL,
    last_used      TIMESTAMP    NOT NULL,
    PRIMARY KEY (sender, address, display_name)
);

-- External recipients that stood together in To/Cc: members sorted, one per line; hash = SHA-256 hex.
CREATE TABLE history_group (
    sender         VARCHAR(320)    NOT NULL,
    group_hash     VARCHAR(64)     NOT NULL,
    members        VARCHAR(200000) NOT NULL,
    message_count  BIGINT          NOT NULL,
    last_sent      TIMESTAMP       NOT NULL,
    PRIMARY KEY (sender, group_hash)
);

-- Organisation-wide: every external address and domain ever mailed, by anyone.
CREATE TABLE history_address (
    address        VARCHAR(320) NOT NULL PRIMARY KEY,
    domain         VARCHAR(255) NOT NULL,
    display_name   VARCHAR(320) NOT NULL,
    message_count  BIGINT       NOT NULL,
    first_sent     TIMESTAMP    NOT NULL,
    last_sent      TIMESTAMP    NOT NULL
);

CREATE TABLE history_domain (
    domain         VARCHAR(255) NOT NULL PRIMARY KEY,
    first_sent     TIMESTAMP    NOT NULL,
    last_sent      TIMESTAMP    NOT NULL
);
