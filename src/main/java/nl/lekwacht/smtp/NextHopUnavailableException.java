package nl.lekwacht.smtp;

import java.io.IOException;

/** The next hop could not be reached, timed out or broke the connection: the client should retry. */
class NextHopUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    public NextHopUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
