package nl.lekwacht.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.history.SentMailImport;

/**
 * Recipient checks hold only once a sender has history (the learning phase). So that a newcomer sees a
 * misdirected hold at once, the demo gives one sender a synthetic Sent folder, imported at start the way
 * {@code history import} does it (idempotent, so a restart learns nothing twice): Anne Visser mailed
 * Jan Jansen at the care partner often; a message to a look-alike address of his is held.
 */
final class DemoHistory {

    static final String SENDER = "a.visser@gemeente.example";
    static final String KNOWN = "j.jansen@zorgpartner.nl";
    /** The slip the banner suggests: Jan's address at a look-alike domain. */
    static final String SLIP = "j.jansen@zorgpartner.com";
    private static final int MESSAGES = 24;

    private DemoHistory() {
    }

    /** Writes the synthetic Sent folder and the slip's sample message into {@code samples}. */
    static Path writeSamples(Path samples, Clock clock) throws IOException {
        StringBuilder mbox = new StringBuilder();
        ZonedDateTime now = ZonedDateTime.now(clock);
        for (int i = 0; i < MESSAGES; i++) {
            ZonedDateTime at = now.minus(Duration.ofDays(MESSAGES - i));
            String to = i % 6 == 5 ? "Team Wmo <wmo@zorgpartner.nl>" : "Jan Jansen <" + KNOWN + ">";
            mbox.append("From ").append(SENDER).append(' ')
                    .append(DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", java.util.Locale.ROOT).format(at))
                    .append('\n')
                    .append("From: Anne Visser <").append(SENDER).append(">\n")
                    .append("To: ").append(to).append('\n')
                    .append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(at)).append('\n')
                    .append("Message-ID: <demo-history-").append(i).append("@gemeente.example>\n")
                    .append("Subject: Overleg zorgplan\n\nTot donderdag.\n\n");
        }
        Path file = samples.resolve("verzonden-a.visser.mbox");
        Files.writeString(file, mbox, StandardCharsets.ISO_8859_1);
        Files.writeString(samples.resolve("verkeerd-adres.eml"), """
                From: Anne Visser <%s>\r
                To: Jan Jansen <%s>\r
                Subject: Zorgplan\r
                \r
                Beste Jan, hierbij het zorgplan voor donderdag.\r
                """.formatted(SENDER, SLIP), StandardCharsets.UTF_8);
        return file;
    }

    /** Imports the synthetic Sent folder into the demo's store (before the gateway opens it). */
    static SentMailImport.Result seed(LekwachtConfig config, Path mbox, Clock clock) throws IOException {
        try (StoreHistory history = StoreHistory.open(config)) {
            return new SentMailImport(history.service(), new PrintStream(PrintStream.nullOutputStream()), clock)
                    .importMbox(mbox, SENDER);
        }
    }
}
