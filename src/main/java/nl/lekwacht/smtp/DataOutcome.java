package nl.lekwacht.smtp;

/** How reading a message's data from the client ended. */
enum DataOutcome {
    /** All data read and spooled. */
    COMPLETE,
    /** All data read, but more than the size limit: nothing usable was kept. */
    TOO_BIG,
    /** All data read, but the header section exceeds its limit. */
    HEADER_TOO_BIG,
    /**
     * All data read, but it holds a NUL byte. A next hop that drops NUL bytes would read {@code \0.CRLF}
     * as the end of data, so such a message could never be relayed as it was received.
     */
    NUL,
    /**
     * All data read, but the spool could not store it (its file system full): a temporary failure,
     * the session goes on.
     */
    SPOOL_FAILED,
    /**
     * A CR or LF not paired as CRLF. The stream cannot be trusted to be in sync any more (this is how
     * SMTP smuggling hides a second message), so the connection is dropped.
     */
    BARE_NEWLINE
}
