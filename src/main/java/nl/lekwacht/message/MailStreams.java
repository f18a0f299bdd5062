package nl.lekwacht.message;

import jakarta.mail.util.StreamProvider;

/**
 * Names Jakarta Mail's stream provider once, for the whole process. Without a name, Jakarta Mail 2.1
 * looks the provider up with a {@link java.util.ServiceLoader} scan of every jar on the class path each
 * time it reads a header block (jakartaee/mail-api issues 699 and 861): for a small message that scan
 * was about half the CPU time of its whole inspection. With the system property it names the class
 * and only instantiates it. The provider named is Angus Mail's with a faster base64 decoder
 * ({@link GatewayStreamProvider}).
 */
public final class MailStreams {

    private MailStreams() {
    }

    /** Names Angus Mail's provider (with the faster base64 decoder), unless the JVM was started with another. */
    public static void nameProvider() {
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), GatewayStreamProvider.class.getName());
        }
    }
}
