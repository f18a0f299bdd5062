package nl.lekwacht.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Screener;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.InspectionResult;
import nl.lekwacht.inspect.Inspector;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.ContentExtractor;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.ExtractionProblem;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.MessageParser;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.spool.Spool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain every message passes before it may leave: parse, extract attachment text, inspect,
 * decide. Used by the relay for each transaction and by {@code scan} for one file. Thread-safe.
 *
 * <p>The whole chain runs within one budget: it runs on a thread of its own, and when the budget is
 * spent the caller stops waiting and the message is decided as uninspectable (reason {@code timeout})
 * by the same policy as any other. So the client's wait for the reply never exceeds the budget,
 * whatever the input does to a parser or a detector. The chain always runs on such a thread, with the
 * same stack, so that {@code scan} and the relay decide the same for the same bytes.
 */
final class Screening implements Screener {

    private static final Logger log = LoggerFactory.getLogger(Screening.class);
    private static final long STACK_BYTES = 4L * 1024 * 1024;
    private static final String IDLE_NAME = "inspection-idle";

    private final MessageParser parser;
    private final ContentExtractor extractor;
    private final Inspector inspector;
    private final Policy policy;
    private final Duration budget;
    private final ExecutorService workers = workers();

    Screening(MessageParser parser, ContentExtractor extractor, Inspector inspector, Policy policy, Duration budget) {
        this.parser = parser;
        this.extractor = extractor;
        this.inspector = inspector;
        this.policy = policy;
        this.budget = budget;
    }

    @Override
    public Screened screen(Envelope envelope, Spool spool) {
        Future<Screened> result = workers.submit(() -> {
            Thread self = Thread.currentThread();
            self.setName("inspection-" + envelope.queueId());
            try {
                return screenNow(envelope, spool);
            } finally {
                self.setName(IDLE_NAME);
            }
        });
        try {
            return result.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // A thread cannot be stopped; the interrupt ends waits (a parser process, the pool), and
            // extraction kills its own process at its timeout. The reply no longer waits for either.
            result.cancel(true);
            log.warn("queue={} inspection took longer than its budget of {} ms; decided as uninspectable",
                    envelope.queueId(), budget.toMillis());
            return overBudget(envelope, spool);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            return overBudget(envelope, spool);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Threads for the chain, kept for a minute after their last message: starting a thread with a large
     * stack for every message cost the client a good part of a millisecond. Unbounded, as a thread per
     * message was, so that a message stuck past its budget never makes the next one wait for a thread.
     */
    private static ExecutorService workers() {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(null, task, IDLE_NAME, STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
    }

    private Screened screenNow(Envelope envelope, Spool spool) {
        OutboundMessage parsed = parser.parse(spool, envelope);
        OutboundMessage message = extractor.extract(parsed);
        InspectionResult inspection = inspector.inspect(message);
        return new Screened(message, inspection, policy.decide(inspection, envelope));
    }

    /** Nothing of the message could be inspected in time: that is itself the finding. */
    private Screened overBudget(Envelope envelope, Spool spool) {
        String detail = "inspection not finished within " + budget.toMillis() + " ms";
        OutboundMessage message = new OutboundMessage(envelope, MessageHeaders.empty(), spool.size(), List.of(),
                List.of(), List.of(ExtractionProblem.ofMessage(ExtractionProblem.Reason.TIMEOUT, detail)));
        Finding finding = new Finding(FindingCode.UNINSPECTABLE_ATTACHMENT, Severity.MEDIUM, "message",
                ExtractionProblem.WHOLE_MESSAGE, 1, List.of(), "Message could not be inspected in time (timeout)",
                Map.of("reason", "timeout"));
        InspectionResult inspection = new InspectionResult(List.of(finding), List.of());
        return new Screened(message, inspection, policy.decide(inspection, envelope));
    }
}
