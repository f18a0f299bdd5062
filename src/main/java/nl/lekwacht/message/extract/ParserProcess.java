package nl.lekwacht.message.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.lekwacht.message.Attachment;
import nl.lekwacht.message.ExtractionProblem;
import nl.lekwacht.message.ExtractionProblem.Reason;
import nl.lekwacht.message.TextPart;

/**
 * The gateway's handle on one parser process ({@link ExtractionChild}): sends it a message's attachments
 * and reads back texts and problems. It can be killed at any moment from another thread; the request
 * in progress then ends with the attachments not yet answered reported as timed out.
 *
 * <p>Used by one message at a time (the pool hands it out); {@link #kill()} may come from the watchdog.
 */
final class ParserProcess {

    /** Exit code of a JVM stopped by {@code -XX:+ExitOnOutOfMemoryError}. */
    private static final int OUT_OF_MEMORY_EXIT = 3;

    /** What one request gave; {@code ocr} is {@link OcrCounts#NONE} when the process did not finish it. */
    record Result(List<TextPart> texts, List<ExtractionProblem> problems, OcrCounts ocr) {
    }

    private final Process process;
    private final Path tempDir;
    private final DataOutputStream toChild;
    private final DataInputStream fromChild;
    private volatile boolean killed;
    private boolean ready;
    private boolean broken;
    private int served;

    private ParserProcess(Process process, Path tempDir) {
        this.process = process;
        this.tempDir = tempDir;
        this.toChild = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), Wire.CHUNK_SIZE + 8));
        this.fromChild = new DataInputStream(new BufferedInputStream(process.getInputStream(), 64 * 1024));
    }

    /**
     * Starts a parser process; it loads its parsers (and with {@code warmUp} parses a few samples) while
     * the caller goes on.
     */
    static ParserProcess start(ExtractionSettings settings, OcrSettings ocr, boolean warmUp) throws IOException {
        Path tempDir = Files.createTempDirectory("lekwacht-extract-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-Xmx" + Math.max(32, settings.childHeap() / (1024 * 1024)) + "m",
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-Xss4m",
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + tempDir,
                "-D" + ExtractionChild.OCR_PROPERTY + "=" + ocr.encode(),
                "-Dlogback.configurationFile=nl/lekwacht/message/extract/child-logback.xml",
                "-cp", System.getProperty("java.class.path"), ExtractionChild.class.getName()));
        if (Boolean.getBoolean(DocumentExtraction.TRACE_PROPERTY)) {
            // diagnostics: the parser process prints the stack trace of every failed parse to stderr
            command.add(command.indexOf("-cp"), "-D" + DocumentExtraction.TRACE_PROPERTY + "=true");
        }
        if (warmUp) {
            command.add(ExtractionChild.WARM_UP);
        }
        // its stderr goes through our own log, so the masking of every log line covers what the parsers print
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE);
        // Tesseract runs single-threaded: the pool's processes are the parallelism, and a thread-hungry
        // OCR run must not starve the gateway of the cores it relays mail with
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        try {
            Process process = builder.start();
            ParserOutput.follow(process);
            return new ParserProcess(process, tempDir);
        } catch (IOException e) {
            deleteTree(tempDir);
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** True while it may serve another message. */
    boolean reusable(int recycleAfter) {
        return !killed && !broken && served < recycleAfter && process.isAlive();
    }

    /** Waits until the process has loaded its parsers; call before {@link #extract} starts its clock. */
    void awaitReady() throws IOException {
        if (!ready) {
            byte tag = Wire.readTag(fromChild);
            if (tag != Wire.READY) {
                broken = true;
                throw new IOException("parser process did not start");
            }
            ready = true;
        }
    }

    /**
     * Sends the attachments and reads the answers. Never throws: whatever was not answered becomes a
     * problem (timeout when the process was killed, corrupt when it died by itself).
     */
    Result extract(List<Attachment> attachments, ExtractionSettings settings) {
        served++;
        List<TextPart> texts = new ArrayList<>();
        List<ExtractionProblem> problems = new ArrayList<>();
        int answered = 0;
        OcrCounts ocr = OcrCounts.NONE;
        // UTF-8 takes at most three bytes for a Java char: more text than that is a broken stream, not
        // something the gateway should make room for
        long textBytesLeft = settings.maxText() * 3 + 1024;
        try {
            send(attachments, settings, problems);
            while (true) {
                byte tag = Wire.readTag(fromChild);
                switch (tag) {
                    case Wire.TEXT -> {
                        String where = Wire.readLabel(fromChild);
                        boolean tabular = fromChild.readBoolean();
                        String text = Wire.readString(fromChild, textBytesLeft);
                        textBytesLeft -= text.length();
                        texts.add(new TextPart(partOf(attachments, answered), where, text, tabular));
                    }
                    case Wire.PROBLEM -> problems.add(new ExtractionProblem(partOf(attachments, answered),
                            Wire.readLabel(fromChild), Reason.valueOf(Wire.readLabel(fromChild)),
                            Wire.readLabel(fromChild)));
                    case Wire.DONE -> answered++;
                    case Wire.OCR -> ocr = new OcrCounts(fromChild.readLong(), fromChild.readLong(),
                            fromChild.readLong(), fromChild.readLong(), fromChild.readLong());
                    case Wire.END -> {
                        return new Result(texts, problems, ocr);
                    }
                    default -> throw new IOException("protocol error: tag " + tag);
                }
            }
        } catch (IOException | RuntimeException e) {
            broken = true;
            Reason reason = killed ? Reason.TIMEOUT : deathReason();
            String detail = killed ? "extraction took longer than " + settings.timeout().toMillis() + " ms"
                    : "parser process failed: " + e.getClass().getSimpleName();
            for (int i = answered; i < attachments.size(); i++) {
                Attachment attachment = attachments.get(i);
                String where = attachment.where();
                if (problems.stream().noneMatch(p -> p.where().equals(where) && p.reason() == Reason.TOO_LARGE)) {
                    problems.add(ExtractionProblem.of(attachment, where, reason,
                            i == answered ? detail : "not reached: " + detail));
                }
            }
            return new Result(texts, problems, ocr);
        }
    }

    /**
     * The part id of the attachment the child is answering: it answers them in order, one DONE each.
     * A child that answers more than it was sent is broken.
     */
    private static String partOf(List<Attachment> attachments, int answered) throws IOException {
        if (answered >= attachments.size()) {
            throw new IOException("protocol error: answer after the last attachment");
        }
        return attachments.get(answered).partId();
    }

    private void send(List<Attachment> attachments, ExtractionSettings settings, List<ExtractionProblem> problems)
            throws IOException {
        toChild.writeInt(Wire.REQUEST);
        toChild.writeLong(settings.maxText());
        toChild.writeLong(settings.maxUnpackedSize());
        toChild.writeInt(settings.maxCompressionRatio());
        toChild.writeInt(settings.maxDepth());
        toChild.writeInt(attachments.size());
        byte[] buffer = new byte[Wire.CHUNK_SIZE];
        for (Attachment attachment : attachments) {
            Wire.writeString(toChild, attachment.name());
            Wire.writeString(toChild, attachment.contentType());
            long sent = 0;
            int end = Wire.CHUNK_END;
            try (InputStream in = attachment.open()) {
                int n;
                while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                    if (sent + n > settings.maxAttachmentSize()) {
                        end = Wire.CHUNK_DROPPED;
                        problems.add(ExtractionProblem.of(attachment, attachment.where(), Reason.TOO_LARGE,
                                "attachment over " + settings.maxAttachmentSize() + " bytes"));
                        break;
                    }
                    toChild.writeInt(n);
                    toChild.write(buffer, 0, n);
                    sent += n;
                }
            } catch (IOException e) {
                if (killed || !process.isAlive()) {
                    throw e;
                }
                // the spool could not decode this part (broken transfer encoding): it cannot be read
                end = Wire.CHUNK_DROPPED;
                problems.add(ExtractionProblem.of(attachment, attachment.where(), Reason.CORRUPT,
                        "attachment content unreadable: " + e.getClass().getSimpleName()));
            }
            toChild.writeInt(end);
        }
        toChild.flush();
    }

    private Reason deathReason() {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS) && process.exitValue() == OUT_OF_MEMORY_EXIT) {
                return Reason.TOO_LARGE;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Reason.CORRUPT;
    }

    /** Kills the process at once (the watchdog's call). Safe from any thread, more than once. */
    void kill() {
        killed = true;
        destroyTree();
    }

    /**
     * Kills the process and everything it started (Tesseract runs as a child of the parser process): a
     * killed parser must not leave an OCR run behind that goes on using a core.
     */
    private void destroyTree() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Process ids of what this process started and still runs (Tesseract), for tests and diagnostics. */
    List<Long> descendantIds() {
        return process.descendants().map(ProcessHandle::pid).toList();
    }

    /** Closes the process's input: an idle process then ends by itself. */
    void endInput() {
        try {
            toChild.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /**
     * Ends the process and waits until it is gone, then removes its temporary files. Gently means: let
     * it end at the end of its input (or on a termination signal while it is still warming up) before
     * it is killed.
     */
    void stop(boolean gently) {
        try {
            if (gently && !killed) {
                endInput();
                if (!process.waitFor(500, TimeUnit.MILLISECONDS)) {
                    process.destroy();
                    process.waitFor(2, TimeUnit.SECONDS);
                }
            }
            destroyTree();
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            destroyTree();
            Thread.currentThread().interrupt();
        }
        deleteTree(tempDir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp file left behind is removed with the temp directory by the system
        }
    }
}
