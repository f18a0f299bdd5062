-- Follow-ups of an undecided hold (package hold): when the sender was reminded, when the delegate
-- (hold.escalate-to) was asked and who that was. Set once, in the same transaction as the notice's job,
-- so two instances never both send one and a restart does not send it again.
ALTER TABLE hold_message ADD COLUMN reminded_at TIMESTAMP;
ALTER TABLE hold_message ADD COLUMN escalated_at TIMESTAMP;
ALTER TABLE hold_message ADD COLUMN delegate VARCHAR(320);

-- Further links to a hold besides its first one (hold_message.token_hash): the reminder's fresh link
-- (holder 'link': whoever holds the sender's link) and the delegate's own (holder: the delegate's
-- address, recorded as the actor of what they decide). Only the SHA-256 (hex) of a token is stored.
CREATE TABLE hold_link (
    token_hash  VARCHAR(64)  NOT NULL PRIMARY KEY,
    hold_id     VARCHAR(32)  NOT NULL,
    holder      VARCHAR(320) NOT NULL,
    created_at  TIMESTAMP    NOT NULL
);

CREATE INDEX hold_link_hold ON hold_link (hold_id);
