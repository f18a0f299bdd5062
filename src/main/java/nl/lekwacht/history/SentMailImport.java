package nl.lekwacht.history;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nl.lekwacht.message.MailAddress;
import nl.lekwacht.message.MessageHeaders;

/**
 * Learns correspondents from an exported Sent folder, so that a new installation does not start cold:
 * an mbox file, or a directory of {@code .eml} files. Only headers are read (To, Cc, Bcc, Date), one
 * message at a time, so a folder of any size fits in memory. Every message is taken as sent by the
 * given sender; its recipients are everyone in To, Cc and Bcc, and the To/Cc externals form its group.
 * Prints a progress line every {@value #PROGRESS_EVERY} messages; {@link Result#summary()} is the one
 * line that says what came of it.
 *
 * <p>Importing is idempotent: each message is learned once, recognised again by its Message-ID (or, when
 * it has none, by its header section), however often the folder is imported or the message was relayed.
 */
public final class SentMailImport {

    /**
     * What an import did.
     *
     * @param messages         messages read
     * @param learned          messages learned now
     * @param alreadyLearned   messages history had learned before (imported earlier, or relayed)
     * @param withoutExternal  messages with no external recipient: nothing to learn from them
     * @param unreadable       messages whose header could not be read
     */
    public record Result(int messages, int learned, int alreadyLearned, int withoutExternal, int unreadable) {

        /** The one line a person reads at the end of an import. */
        public String summary() {
            return messages + " message(s) read, " + learned + " learned, " + alreadyLearned
                    + " already imported earlier, " + withoutExternal + " without external recipients, "
                    + unreadable + " unreadable";
        }
    }

    /** The file given as an mbox is not one. */
    public static final class NotAnMbox extends IOException {
        NotAnMbox(String message) {
            super(message);
        }
    }

    static final int PROGRESS_EVERY = 500;

    private final HistoryService history;
    private final PrintStream progress;
    private final java.time.Clock clock;

    /** @param clock the time given to a message without a readable Date header */
    public SentMailImport(HistoryService history, PrintStream progress, java.time.Clock clock) {
        this.history = history;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Imports every message of an mbox file (mboxrd or mboxo; "From " lines separate messages).
     *
     * @throws NotAnMbox when the file does not begin with a "From " line (a single .eml, a PST, ...)
     */
    public Result importMbox(Path mbox, String sender) throws IOException {
        Counter counter = new Counter();
        try (BufferedReader reader = Files.newBufferedReader(mbox, StandardCharsets.ISO_8859_1)) {
            StringBuilder headers = new StringBuilder();
            boolean inMessage = false;
            boolean inHeaders = false;
            String line;
            while ((line = reader.readLine()) != null) {
                if (!inMessage && !line.isBlank() && !line.startsWith("From ")) {
                    throw new NotAnMbox(mbox + " is not an mbox file: an mbox begins with a \"From \" line"
                            + " (for a folder of .eml files use --dir)");
                }
                if (line.startsWith("From ")) {
                    if (inMessage) {
                        learn(headers.toString().getBytes(StandardCharsets.ISO_8859_1), sender, counter);
                    }
                    headers.setLength(0);
                    inMessage = true;
                    inHeaders = true;
                } else if (inHeaders) {
                    if (line.isEmpty()) {
                        inHeaders = false;
                    } else {
                        headers.append(line).append("\r\n");
                    }
                }
            }
            if (inMessage) {
                learn(headers.toString().getBytes(StandardCharsets.ISO_8859_1), sender, counter);
            }
        }
        return counter.result();
    }

    /** Imports every {@code .eml} file in a directory and its subdirectories, in name order. */
    public Result importDirectory(Path directory, String sender) throws IOException {
        Counter counter = new Counter();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".eml"))
                    .sorted().toList();
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                learn(in.readNBytes(256 * 1024), sender, counter);
            }
        }
        return counter.result();
    }

    private void learn(byte[] headerBytes, String sender, Counter counter) {
        counter.messages++;
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(headerBytes), true);
            List<MailAddress> to = addresses(headers, "To");
            List<MailAddress> cc = addresses(headers, "Cc");
            List<MailAddress> bcc = addresses(headers, "Bcc");
            List<String> recipients = new ArrayList<>();
            for (List<MailAddress> field : List.of(to, cc, bcc)) {
                field.forEach(a -> recipients.add(a.address()));
            }
            Instant at = date(headers.getHeader("Date", null));
            MessageHeaders parsed = new MessageHeaders("", List.of(), Optional.empty(), to, cc,
                    identity(headers.getHeader("Message-ID", null), headerBytes), 0, List.of());
            Optional<LearnedMessage> learned = history.learned(sender, recipients, parsed, at);
            if (learned.isEmpty()) {
                counter.withoutExternal++;
            } else if (history.learnOnce(learned.get())) {
                counter.learned++;
            } else {
                counter.alreadyLearned++;
            }
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            counter.unreadable++;
        }
        if (counter.messages % PROGRESS_EVERY == 0) {
            progress.printf("%d messages read, %d learned%n", counter.messages, counter.learned);
        }
    }

    /**
     * The Message-ID, or for a message without one an id made from its header section, so that a
     * second import of the same file still recognises it.
     */
    private static String identity(String messageId, byte[] headerBytes) {
        if (messageId != null && !messageId.isBlank()) {
            return messageId;
        }
        try {
            return "<imported." + java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(headerBytes)) + ">";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static List<MailAddress> addresses(InternetHeaders headers, String field) {
        String value = headers.getHeader(field, ",");
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<MailAddress> result = new ArrayList<>();
        try {
            for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                if (a.getAddress() != null && a.getAddress().indexOf('@') > 0) {
                    result.add(new MailAddress(a.getAddress(), a.getPersonal()));
                }
            }
        } catch (AddressException e) {
            return List.of();
        }
        return result;
    }

    private Instant date(String header) {
        if (header != null) {
            try {
                Date parsed = new MailDateFormat().parse(MimeUtility.unfold(header).trim());
                if (parsed != null) {
                    return parsed.toInstant();
                }
            } catch (ParseException e) {
                // an unreadable date counts as now: the correspondent is still learned
            }
        }
        return clock.instant();
    }

    private static final class Counter {
        int messages;
        int learned;
        int alreadyLearned;
        int withoutExternal;
        int unreadable;

        Result result() {
            return new Result(messages, learned, alreadyLearned, withoutExternal, unreadable);
        }
    }
}
