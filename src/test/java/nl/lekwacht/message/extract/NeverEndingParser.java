package nl.lekwacht.message.extract;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.Set;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.ContentHandler;

/**
 * TEST ONLY: a Tika parser that never returns and ignores interrupts, as a parser stuck in a loop
 * would. It exists only on the test class path (registered in the test resources' service file, for the
 * test-only type {@code application/x-lekwacht-never-ends}, which {@link Marker} detects in files starting
 * with {@code LEKWACHT-NEVER-ENDS}), so parser processes started by tests pick it up and production
 * never sees it.
 */
public class NeverEndingParser implements Parser {

    static final MediaType TYPE = MediaType.application("x-lekwacht-never-ends");
    static final byte[] CONTENT = "LEKWACHT-NEVER-ENDS\n".getBytes(StandardCharsets.US_ASCII);

    /** TEST ONLY: detects the never-ending type by the file's first bytes. */
    public static class Marker implements Detector {
        @Override
        public MediaType detect(InputStream input, Metadata metadata) throws IOException {
            if (input == null) {
                return MediaType.OCTET_STREAM;
            }
            input.mark(CONTENT.length);
            try {
                byte[] head = input.readNBytes(CONTENT.length);
                return Arrays.equals(head, CONTENT) ? TYPE : MediaType.OCTET_STREAM;
            } finally {
                input.reset();
            }
        }
    }

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return Set.of(TYPE);
    }

    /**
     * Content that also tells the test, over a connection to {@code port} on the loopback address, the
     * moment its parse has begun.
     */
    static byte[] signalling(int port) {
        return (new String(CONTENT, StandardCharsets.US_ASCII) + SIGNAL + port + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static final String SIGNAL = "signal-port: ";

    @Override
    @SuppressWarnings("InfiniteLoopStatement")
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException {
        signalStart(new String(stream.readNBytes(256), StandardCharsets.US_ASCII));
        while (true) {
            // a stuck parser does not listen to interrupts: only killing its process ends it
            Thread.interrupted();
            LockSupport.park(this);
        }
    }

    private static void signalStart(String head) throws IOException {
        int at = head.indexOf(SIGNAL);
        if (at >= 0) {
            int port = Integer.parseInt(head.substring(at + SIGNAL.length(), head.indexOf('\n', at)).strip());
            try (Socket signal = new Socket(InetAddress.getLoopbackAddress(), port)) {
                signal.getOutputStream().write('!');
            }
        }
    }
}
