package nl.lekwacht.support;

/** Small synthetic messages for relay tests. CRLF line ends throughout. */
public final class Messages {

    private Messages() {
    }

    public static String simple(String from, String to, String subject, String body) {
        return "From: <" + from + ">\r\n"
                + "To: <" + to + ">\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + Math.abs(subject.hashCode()) + "@test>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + body.replace("\r\n", "\n").replace("\n", "\r\n")
                + (body.endsWith("\n") ? "" : "\r\n");
    }

    /** The text of {@code message} dot-stuffed and terminated as DATA wants it. */
    public static String dataOf(String message) {
        String stuffed = message.startsWith(".") ? "." + message : message;
        stuffed = stuffed.replace("\r\n.", "\r\n..");
        return stuffed + ".\r\n";
    }
}
