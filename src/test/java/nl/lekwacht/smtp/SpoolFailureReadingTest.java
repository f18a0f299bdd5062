package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A spool that cannot take the data (its file system full) must not leave the client's data half
 * read: the readers go on to the end of data, so the next command is read as a command, and the
 * outcome says the spool failed rather than an exception ending the session.
 */
class SpoolFailureReadingTest {

    private static final String NEXT = "MAIL FROM:<alice@gemeente.example>\r\n";

    @Test
    void dotDataIsReadToItsEndWhenTheSpoolFailsHalfway() throws IOException {
        String body = "x".repeat(70) + "\r\n";
        String data = "Subject: big\r\n\r\n" + body.repeat(2000) + ".\r\n";
        InputStream in = new BufferedInputStream(
                new ByteArrayInputStream((data + NEXT).getBytes(StandardCharsets.US_ASCII)));
        DataSink sink = new DataSink(new FullAfter(10_000), Long.MAX_VALUE, 64 * 1024);

        DataOutcome outcome = DotDataReader.read(in, sink);

        assertThat(outcome).isEqualTo(DataOutcome.SPOOL_FAILED);
        assertThat(sink.spoolFailure()).get().extracting(Throwable::getMessage).isEqualTo("No space left on device");
        assertThat(sink.size()).as("every byte of the data was read").isEqualTo(data.length() - 3);
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(NEXT);
    }

    @Test
    void aSpoolThatFailsOnlyAtTheLastHeaderLineIsAFailureToo() throws IOException {
        // a message of headers only: its last line reaches the spool when the data ends
        InputStream in = new BufferedInputStream(
                new ByteArrayInputStream("Subject: x\r\n.\r\n".getBytes(StandardCharsets.US_ASCII)));
        DataSink sink = new DataSink(new FullAfter(0), Long.MAX_VALUE, 64 * 1024);

        assertThat(DotDataReader.read(in, sink)).isEqualTo(DataOutcome.SPOOL_FAILED);
    }

    @Test
    void aBdatChunkIsReadWholeWhenTheSpoolFails() throws IOException {
        byte[] chunk = ("Subject: big\r\n\r\n" + "y".repeat(70_000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(chunk);
        stream.write(NEXT.getBytes(StandardCharsets.US_ASCII));
        InputStream in = new ByteArrayInputStream(stream.toByteArray());
        BdatDataReader reader = new BdatDataReader(new DataSink(new FullAfter(8192), Long.MAX_VALUE, 64 * 1024));

        reader.readChunk(in, chunk.length);

        assertThat(reader.spoolFailure()).isPresent();
        assertThat(reader.finish()).isEqualTo(DataOutcome.SPOOL_FAILED);
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(NEXT);
    }

    @Test
    void aSpoolWithRoomGivesACompleteMessage() throws IOException {
        InputStream in = new BufferedInputStream(
                new ByteArrayInputStream("Subject: x\r\n\r\nbody\r\n.\r\n".getBytes(StandardCharsets.US_ASCII)));
        ByteArrayOutputStream spool = new ByteArrayOutputStream();
        DataSink sink = new DataSink(spool, Long.MAX_VALUE, 64 * 1024);

        assertThat(DotDataReader.read(in, sink)).isEqualTo(DataOutcome.COMPLETE);
        assertThat(sink.spoolFailure()).isEmpty();
        assertThat(spool.toString(StandardCharsets.US_ASCII)).isEqualTo("Subject: x\r\n\r\nbody\r\n");
    }

    /** A spool whose file system fills after {@code room} bytes, as a full tmpfs answers. */
    private static final class FullAfter extends OutputStream {
        private long room;

        FullAfter(long room) {
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > room) {
                throw new IOException("No space left on device");
            }
            room -= len;
        }
    }
}
