package nl.lekwacht.smtp;

/** The client left before its message was committed to the next hop; the message was not relayed. */
final class ClientGoneException extends Exception {

    private static final long serialVersionUID = 1L;

    ClientGoneException() {
        super("client disconnected before the reply");
    }
}
