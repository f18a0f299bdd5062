package nl.lekwacht.smtp;

/** The per-transaction limits of the receiving side. */
record RelayLimits(long maxMessageSize, long maxHeaderSize, int maxRecipients) {
}
