package nl.lekwacht.hold;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import nl.lekwacht.config.HoldConfig;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.flow.HoldDesk;
import nl.lekwacht.flow.Outbox;
import nl.lekwacht.flow.Screener;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.text.Templates;
import nl.lekwacht.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hold package's entry: sealing, link tokens, notices, the desk the relay hands held messages to,
 * look-up and decisions for the pages, and the background loop that expires holds, reminds senders and
 * asks delegates, erases old content and works the delivery queue. Everything it sends goes through the outboxes it is given.
 */
public final class HoldSide implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HoldSide.class);

    private final HoldDesk desk;
    private final HoldLookup lookup;
    private final HoldDecisions decisions;
    /** The background loop's chores, in the order of one round. */
    private final List<Runnable> chores;
    private final HoldLoop loop;
    private final LinkTokens tokens;
    private final Texts texts;
    private final UnreadableHolds unreadable;
    private final NearMissLog nearMisses;

    private HoldSide(HoldDesk desk, HoldLookup lookup, HoldDecisions decisions, List<Runnable> chores,
                     HoldLoop loop, LinkTokens tokens, Texts texts, UnreadableHolds unreadable,
                     NearMissLog nearMisses) {
        this.nearMisses = nearMisses;
        this.desk = desk;
        this.lookup = lookup;
        this.decisions = decisions;
        this.chores = List.copyOf(chores);
        this.loop = loop;
        this.tokens = tokens;
        this.texts = texts;
        this.unreadable = unreadable;
    }

    /**
     * @param stores             where holds, their content, audit trail and delivery jobs are kept
     * @param releases           sends released messages (the next hop)
     * @param notices            sends our notices ({@code hold.notify-relay}, default the next hop)
     * @param overrides          told when a send-anyway must open an incident
     * @param incidentOnOverride the codes for which it must ({@code policy.incident-on-override})
     * @param screener           screens a corrected message again before it may leave
     * @param loopExecutor       runs the background loop; closed with this side
     */
    public static HoldSide build(LekwachtConfig config, HoldStores stores, Outbox releases, Outbox notices,
                                 MeterRegistry registry, OverrideListener overrides,
                                 Set<FindingCode> incidentOnOverride, Screener screener, Clock clock,
                                 ScheduledExecutorService loopExecutor) {
        HoldConfig hold = config.hold();
        SecureRandom random = new SecureRandom();
        ContentCipher cipher = ContentCipher.fromConfig(hold.encryptionKey(), hold.oldEncryptionKeys(), random);
        LinkTokens tokens = new LinkTokens(linkSecret(hold.linkSecret(), random), random, clock);
        Texts texts = Texts.load(config.web().language(), Notices.BUNDLE);
        Notices noticeTexts = new Notices(texts, new Templates(), hold.notifyFrom(), config.smtp().hostname(),
                hold.timeZone());
        HoldMetrics metrics = new HoldMetrics(registry, stores.holds());
        HoldLoop loop = new HoldLoop(hold.pollInterval(), loopExecutor);
        NoticeJobs jobs = new NoticeJobs(cipher, hold.notifyFrom());
        HoldLookup lookup = new HoldLookup(stores.holds(), stores.audit(), clock);
        WorkingTime workingTime = new WorkingTime(hold.workingHours(), hold.timeZone());
        HoldDesk desk = new HoldTaking(stores.holds(), cipher, tokens, noticeTexts, jobs, config.organisation(), metrics,
                loop::wake, clock, at -> workingTime.plus(at, hold.expiry()), hold.delay(), hold.timeZone(),
                config.web().publicUrl(), hold.escalateAfter().isPresent() ? new Delegates(hold.escalateTo())::of
                        : h -> java.util.Optional.empty());
        CorrectedMessage correcting = new CorrectedMessage(cipher, stores.content(), screener,
                WithheldPart.of(texts.get("withheld.text")));
        NearMisses nearMisses = new NearMisses(config.register().departments(), hold.timeZone());
        HoldDecisions decisions = new HoldDecisions(stores.holds(), lookup, metrics, overrides, incidentOnOverride,
                correcting, cipher, loop::wake, clock, nearMisses);
        HoldHousekeeping housekeeping = new HoldHousekeeping(stores.holds(), stores.audit(), noticeTexts, jobs, metrics, loop::wake, clock,
                hold.contentGrace(), hold.retention(), nearMisses);
        UnreadableHolds unreadable = new UnreadableHolds(stores.holds(), stores.content(), cipher, noticeTexts, jobs,
                metrics, clock);
        DeliveryQueue queue = new DeliveryQueue(stores, cipher, releases, notices, noticeTexts,
                config.organisation()::isInternal, metrics, clock, instanceName(),
                new DeliveryQueue.Timing(config.downstream().connectTimeout().plus(config.downstream().dataTimeout())
                        .plus(config.downstream().commandTimeout().multipliedBy(4)), hold.deliveryRetry(),
                        hold.deliveryLifetime()), unreadable);
        // fingerprints only (one-way, safe to log), so an admin can compare instances without the secrets
        log.info("holding enabled: fingerprint of hold.encryption-key {}, fingerprint of hold.link-secret {} "
                + "(fingerprints, not the secrets; the same on every instance)", cipher.fingerprint(),
                tokens.fingerprint());
        DelayedRelease delays = new DelayedRelease(stores.holds(), metrics, loop::wake, clock, nearMisses);
        FollowUps followUps = new FollowUps(stores.holds(), tokens, noticeTexts, jobs, metrics, loop::wake, clock,
                new FollowUps.Timing(hold.remindAfter(), hold.escalateAfter(), workingTime), config.web().publicUrl());
        // expiry before the follow-ups: a hold past its time gets the expiry notice, not a reminder
        List<Runnable> chores = List.of(delays::releaseDue, housekeeping::expireDue, followUps::remindDue,
                followUps::escalateDue, housekeeping::purgeContent, housekeeping::forgetOld, queue::runDue);
        return new HoldSide(desk, lookup, decisions, chores, loop, tokens, texts, unreadable, stores.nearMisses());
    }

    /** Where the relay puts a message the policy wants held. */
    public HoldDesk desk() {
        return desk;
    }

    public HoldLookup lookup() {
        return lookup;
    }

    public HoldDecisions decisions() {
        return decisions;
    }

    /** What is kept of ended holds: the register counts the slips the gateway prevented. */
    public NearMissLog nearMisses() {
        return nearMisses;
    }

    /** The link tokens and the CSRF tokens of the confirmation forms. */
    public LinkTokens tokens() {
        return tokens;
    }

    /** The texts of the notices and the confirmation pages in {@code language} ({@code nl}, {@code en}). */
    public static Texts texts(String language) {
        return Texts.load(language, Notices.BUNDLE);
    }

    /** The texts of the notices and the confirmation pages, in the configured language. */
    public Texts texts() {
        return texts;
    }

    /**
     * Marks the pending holds the configured keys cannot open (a changed content key shows at once, not
     * when someone acts), then starts the background work: delayed messages leaving, expiry, content
     * erasure, the delivery queue.
     */
    public void start() {
        int marked = unreadable.sweepPending();
        if (marked > 0) {
            log.error("{} pending hold(s) cannot be opened with hold.encryption-key or hold.old-encryption-keys; "
                    + "marked UNREADABLE, their senders told (see /admin/holds)", marked);
        }
        loop.start(chores);
    }

    @Override
    public void close() {
        loop.close();
    }

    private static byte[] linkSecret(String configured, SecureRandom random) {
        if (configured.isEmpty()) {
            log.warn("hold.link-secret is not set: a random secret of this process signs the confirmation forms; "
                    + "forms served before a restart, or by another instance, are refused. Set hold.link-secret "
                    + "(32+ characters, the same on every instance).");
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            return secret;
        }
        return configured.getBytes(StandardCharsets.UTF_8);
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
