package nl.lekwacht.message.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import nl.lekwacht.message.Attachment;
import nl.lekwacht.message.ContentExtractor;
import nl.lekwacht.message.ExtractionProblem;
import nl.lekwacht.message.ExtractionProblem.Reason;
import nl.lekwacht.message.OutboundMessage;

/**
 * Extracts attachment text with Apache Tika in a warm pool of parser processes, within the budgets of
 * {@link ExtractionSettings}. A message that runs past its time budget has its parser process killed
 * (a Java thread cannot be stopped) and replaced; its unread attachments become timeout problems.
 * Attachments are streamed from the spool to the process and never held whole in the gateway's memory.
 * A message whose attachments are all plain text or CSV is read in this process instead
 * ({@link PlainTextExtraction}): the same parser code, without the trip to a child and back.
 *
 * <p>Thread-safe: as many messages are extracted at once as the pool has processes; more wait up to
 * {@code queue-wait}. Owns child processes: {@link #close()} it when the gateway stops.
 */
public final class TikaContentExtractor implements ContentExtractor {

    private final ExtractionSettings settings;
    private final ParserPool pool;
    private final PlainTextExtraction plainText = new PlainTextExtraction();
    private final ScheduledExecutorService watchdog;
    private final AtomicReference<OcrCounts> ocr = new AtomicReference<>(OcrCounts.NONE);

    /**
     * Makes the pool; with {@code prestart} its processes start now and load their parsers in the
     * background, otherwise at the first message with an attachment.
     */
    public TikaContentExtractor(ExtractionSettings settings) {
        this(settings, OcrSettings.defaults());
    }

    /** As above, with the limits of reading scans ({@link OcrSettings}). */
    public TikaContentExtractor(ExtractionSettings settings, OcrSettings ocr) {
        this.settings = settings;
        this.pool = new ParserPool(warmUp -> ParserProcess.start(settings, ocr, warmUp), settings.poolSize(),
                settings.recycleAfter());
        if (settings.prestart()) {
            pool.fill();
        }
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "extraction-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public OutboundMessage extract(OutboundMessage message) {
        List<Attachment> attachments = message.attachments();
        if (attachments.isEmpty()) {
            return message;
        }
        ParserProcess.Result result = run(attachments);
        ocr.accumulateAndGet(result.ocr(), OcrCounts::plus);
        return message.withExtraction(result.texts(), result.problems());
    }

    private ParserProcess.Result run(List<Attachment> attachments) {
        java.util.Optional<ParserProcess.Result> here = plainText.extract(attachments, settings);
        if (here.isPresent()) {
            return here.get();
        }
        ParserProcess process;
        try {
            process = pool.borrow(settings.queueWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unanswered(attachments, "interrupted while waiting for a parser process");
        }
        if (process == null) {
            return unanswered(attachments, "no parser process free within " + settings.queueWait().toMillis() + " ms");
        }
        try {
            ScheduledFuture<?> startKill = watchdog.schedule(process::kill, settings.queueWait().toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                process.awaitReady();
            } catch (IOException e) {
                return unanswered(attachments, "parser process did not start");
            } finally {
                startKill.cancel(false);
            }
            ScheduledFuture<?> kill = watchdog.schedule(process::kill, settings.timeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                return process.extract(attachments, settings);
            } finally {
                kill.cancel(false);
            }
        } finally {
            pool.giveBack(process);
        }
    }

    private static ParserProcess.Result unanswered(List<Attachment> attachments, String why) {
        List<ExtractionProblem> problems = new ArrayList<>();
        attachments.forEach(a -> problems.add(ExtractionProblem.of(a, a.where(), Reason.TIMEOUT, why)));
        return new ParserProcess.Result(List.of(), problems, OcrCounts.NONE);
    }

    /** Starts the parser processes now if they are not running yet, so the next message finds them warm. */
    public void prestart() {
        pool.fill();
    }

    /** How many parser processes this extractor started in its life, replacements included. */
    public int processesStarted() {
        return pool.started();
    }

    /** What the parser processes did with images since this extractor started (messages they finished). */
    public OcrCounts ocrCounts() {
        return ocr.get();
    }

    /** Process ids of the pool's parser processes (for tests and diagnostics). */
    List<Long> processIds() {
        return pool.processIds();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        pool.close();
    }
}
