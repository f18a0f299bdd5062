-- Messages history learned from, by the SHA-256 of sender and Message-ID (never the id itself): a message
-- learned once (relayed, or imported from a Sent folder) is not counted again, a reply's References lead
-- back to the recipients of its thread, and a message found misdirected can be unlearned.
-- recipients: its external recipients' address keys, sorted, one per line; group_hash: the history_group
-- it counted in, if any. An unlearned message keeps its row (so it is not learned again) with no recipients.
CREATE TABLE history_message (
    sender         VARCHAR(320)    NOT NULL,
    message_hash   VARCHAR(64)     NOT NULL,
    sent_at        TIMESTAMP       NOT NULL,
    recipients     VARCHAR(200000) NOT NULL,
    group_hash     VARCHAR(64),
    PRIMARY KEY (sender, message_hash)
);

CREATE INDEX history_message_sent_at ON history_message (sent_at);
