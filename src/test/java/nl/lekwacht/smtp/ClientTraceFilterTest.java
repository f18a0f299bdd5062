package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's X-Lekwacht fields go, in whatever pieces the data arrives; nothing else changes. */
class ClientTraceFilterTest {

    private static final String IN = "X-Lekwacht: forged\r\n\tand folded\r\nFrom: a@b.example\r\n"
            + "X-lekwacht:x\r\nSubject: s\r\n X-Lekwacht: part of the subject\r\nx-LEKWACHT  :\r\n"
            + "\r\nX-Lekwacht: body\r\n";
    private static final String OUT = "From: a@b.example\r\nSubject: s\r\n X-Lekwacht: part of the subject\r\n"
            + "\r\nX-Lekwacht: body\r\n";

    @ParameterizedTest(name = "in pieces of {0}")
    @ValueSource(ints = {1, 2, 3, 7, 19, 1000})
    void dropsTheClientsFieldsWhateverTheChunking(int piece) throws Exception {
        assertThat(filter(IN, piece)).isEqualTo(OUT);
    }

    @Test
    void keepsAHeaderOnlyMessageWithoutFinalLineEnd() throws Exception {
        assertThat(filter("Subject: s\r\nX-Lekwacht: x", 5)).isEqualTo("Subject: s\r\n");
        assertThat(filter("Subject: s", 5)).isEqualTo("Subject: s");
    }

    @Test
    void passesAMessageWithoutClientFieldsUntouched() throws Exception {
        String message = "From: a@b.example\r\nX-Lekwachter: y\r\n\r\n\u00e9\u0000 anything\r\n";
        assertThat(filter(message, 4)).isEqualTo(message);
    }

    private static String filter(String in, int piece) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClientTraceFilter filter = new ClientTraceFilter(out);
        byte[] bytes = in.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += piece) {
            filter.write(bytes, i, Math.min(piece, bytes.length - i));
        }
        filter.finish();
        return out.toString(StandardCharsets.UTF_8);
    }
}
