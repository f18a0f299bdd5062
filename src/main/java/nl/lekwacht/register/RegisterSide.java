package nl.lekwacht.register;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.config.RegisterConfig;
import nl.lekwacht.flow.DeliveryObserver;
import nl.lekwacht.flow.Outbox;
import nl.lekwacht.flow.Screener;
import nl.lekwacht.hold.OverrideListener;
import nl.lekwacht.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register package's entry: the breach register over its store, the observer that opens incidents
 * for delivered mail and mails report links, the listener the hold side tells of overrides, and the
 * hourly retention sweep. Mail goes out through the outbox it is given, on its own notice sender.
 */
public final class RegisterSide implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RegisterSide.class);
    /** The texts of the register's notices (shared with its pages). */
    public static final String TEXTS = "nl/lekwacht/web/register/messages";

    /** Letters in one go, at most: a follow-up goes to the people of one message, not to a mailing list. */
    private static final int MAX_LETTERS = 100;

    private final IncidentRegister register;
    private final FollowUpLetters letters;
    private final IncidentStore store;
    private final OverrideListener overrides;
    private final DeliveryObserver deliveries;
    private final RegisterConfig settings;
    private final Clock clock;
    private final ExecutorService noticeSender;
    private final ScheduledExecutorService sweeper;

    private RegisterSide(IncidentRegister register, FollowUpLetters letters, IncidentStore store,
                         OverrideListener overrides, DeliveryObserver deliveries, RegisterConfig settings, Clock clock,
                         ExecutorService noticeSender, ScheduledExecutorService sweeper) {
        this.register = register;
        this.letters = letters;
        this.store = store;
        this.overrides = overrides;
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
        this.noticeSender = noticeSender;
        this.sweeper = sweeper;
    }

    /**
     * @param notices      sends the register's notices (to the privacy officer, report links to senders)
     * @param noticeSender sends them off the caller's thread; closed with this side
     * @param sweeper      runs the hourly retention sweep; closed with this side
     * @param slips        told when a message that went out is known to have reached the wrong people
     * @param screener     screens the privacy officer's follow-up letters like any outgoing mail
     * @param letterbox    sends those letters to the next hop
     * @param sentHolds    released holds, which a report can be linked to when no incident has their message
     */
    public static RegisterSide build(LekwachtConfig config, IncidentStore store, Outbox notices, Clock clock,
                                     ExecutorService noticeSender, ScheduledExecutorService sweeper,
                                     SlipConfirmed slips, Screener screener, Outbox letterbox,
                                     IncidentLinking.SentHolds sentHolds) {
        var web = config.web();
        Texts texts = Texts.load(web.language(), TEXTS);
        SeverityEstimate severity = new SeverityEstimate();
        IncidentRegister register = IncidentRegister.over(store, new FormDerivation(config.organisation(),
                config.register().deadlineHours(), severity), severity, new Workflow(), clock,
                new OfficerAnnouncer(config.register().privacyOfficerEmail(), config.hold().notifyFrom(),
                        web.publicUrl(), notices, texts, config.hold().timeZone(), noticeSender), slips);
        Facts facts = new Facts(config.organisation());
        register = register.searchingHolds(store, clock, sentHolds, facts::ofHold);
        ReportNoticeMailer reportLinks = new ReportNoticeMailer(register.links(), notices, texts,
                new ReportNoticeMailer.Settings(config.hold().notifyFrom(), web.publicUrl(),
                        config.register().notificationRetention()), config.organisation()::isInternal,
                new SecureRandom(), noticeSender);
        Map<String, Texts> byLanguage = Map.of("nl", Texts.load("nl", TEXTS), "en", Texts.load("en", TEXTS));
        String officer = config.register().privacyOfficerEmail();
        FollowUpLetters letters = new FollowUpLetters(store, register.editing(), screener, letterbox,
                language -> byLanguage.getOrDefault(language, texts), new FollowUpLetters.Settings(
                        officer == null || officer.isBlank() ? config.hold().notifyFrom() : officer, MAX_LETTERS, config.hold().timeZone()),
                clock);
        return new RegisterSide(register, letters, store, new OverrideIncidents(register, facts),
                new DeliveredMail(register.opening(), facts, reportLinks), config.register(), clock, noticeSender, sweeper);
    }

    public IncidentRegister register() {
        return register;
    }

    /** The privacy officer's follow-up letters about a message that went out. */
    public FollowUpLetters letters() {
        return letters;
    }

    /** Opens an incident when a sender sends held mail anyway and the policy says so. */
    public OverrideListener overrides() {
        return overrides;
    }

    /** Opens incidents for delivered mail the verdict marks, and mails report links. */
    public DeliveryObserver deliveries() {
        return deliveries;
    }

    /** Starts the hourly retention sweep. */
    public void start() {
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 60, TimeUnit.MINUTES);
    }

    /** Strips finished incidents past retention of message metadata, deletes old audit entries and dead report links. */
    void sweep() {
        try {
            Instant now = clock.instant();
            int stripped = store.stripFinishedBefore(now.minus(settings.retention()));
            int audit = store.deleteAuditBefore(now.minus(settings.auditRetention()));
            int links = store.deleteReportLinksBefore(now);
            if (stripped + audit + links > 0) {
                log.info("register retention: {} incidents stripped of message metadata, {} audit entries and {} "
                        + "report links deleted", stripped, audit, links);
            }
        } catch (RuntimeException e) {
            log.warn("register sweep failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        noticeSender.shutdown();
    }
}
