package nl.lekwacht.smtp;

/**
 * The next hop had closed the connection (its idle timeout, while a large message was being received
 * and inspected) when DATA was sent, so it holds no byte of the message: the transaction may be opened
 * again on a fresh connection and the message sent there, without any risk of a second copy.
 */
final class NextHopDroppedException extends NextHopUnavailableException {

    private static final long serialVersionUID = 1L;

    NextHopDroppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
