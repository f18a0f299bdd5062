package nl.lekwacht.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.config.RegisterConfig;
import nl.lekwacht.flow.Outbox;
import nl.lekwacht.login.ThrottleStore;
import nl.lekwacht.register.IncidentRegister;
import nl.lekwacht.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake package's entry: the report forms' intake (with the reporters' confirmations) and the
 * documents on incidents, over their stores, and the hourly sweep of old report counters.
 */
public final class IntakeSide implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IntakeSide.class);
    /** The texts of the report forms and the confirmation mail. */
    public static final String TEXTS = "nl/lekwacht/web/intake/messages";

    private final ReportIntake intake;
    private final IncidentDocuments documents;
    private final ReportStore reports;
    private final ThrottleStore throttle;
    private final RegisterConfig.Intake limits;
    private final Clock clock;
    private final ExecutorService noticeSender;
    private final ScheduledExecutorService sweeper;

    private IntakeSide(ReportIntake intake, IncidentDocuments documents, ReportStore reports, ThrottleStore throttle,
                       RegisterConfig.Intake limits, Clock clock, ExecutorService noticeSender,
                       ScheduledExecutorService sweeper) {
        this.intake = intake;
        this.documents = documents;
        this.reports = reports;
        this.throttle = throttle;
        this.limits = limits;
        this.clock = clock;
        this.noticeSender = noticeSender;
        this.sweeper = sweeper;
    }

    /**
     * @param throttle     counts reports per client and confirmations per address, in the store
     * @param notices      sends the reporters' confirmations
     * @param noticeSender sends them off the caller's thread; closed with this side
     * @param sweeper      runs the hourly sweep of old counters; closed with this side
     */
    public static IntakeSide build(LekwachtConfig config, IncidentRegister register, ReportStore reports,
                                   ThrottleStore throttle, DocumentStore documents, Outbox notices, Clock clock,
                                   ExecutorService noticeSender, ScheduledExecutorService sweeper) {
        RegisterConfig.Intake limits = config.register().intake();
        ReportIntake intake = new ReportIntake(register.opening(), reports, throttle, new Confirmations(notices,
                config.hold().notifyFrom(), Texts.load(config.web().language(), TEXTS), throttle, limits, clock,
                noticeSender), limits, clock);
        return new IntakeSide(intake, new IncidentDocuments(register.queries(), documents, limits.uploadBytes(), clock),
                reports, throttle, limits, clock, noticeSender, sweeper);
    }

    public ReportIntake intake() {
        return intake;
    }

    public IncidentDocuments documents() {
        return documents;
    }

    public ReportStore reports() {
        return reports;
    }

    /** Starts the hourly sweep. */
    public void start() {
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 60, TimeUnit.MINUTES);
    }

    /** Forgets report and confirmation counters older than the longest of their windows (at least the hour). */
    void sweep() {
        try {
            Duration window = limits.reportWindow().compareTo(limits.confirmationWindow()) > 0
                    ? limits.reportWindow() : limits.confirmationWindow();
            window = window.compareTo(ReportIntake.HOUR) > 0 ? window : ReportIntake.HOUR;
            throttle.deleteOlderThan(clock.instant().minus(window));
        } catch (RuntimeException e) {
            log.warn("report counter sweep failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        noticeSender.shutdown();
    }
}
