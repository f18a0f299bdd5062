package nl.lekwacht.history;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import nl.lekwacht.config.HistoryConfig;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MailAddress;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.OutboundMessage;

/**
 * Correspondence history: learns from delivered mail and serves snapshots to the detectors.
 *
 * <p>Reads come from Caffeine caches, so a look-up on the hot path costs no database round trip once
 * a sender's history is loaded. Entries are refreshed in the background {@code history.refresh}
 * after they were written (a read past that time still gets the old snapshot at once and triggers
 * the reload), so what other instances learned is seen within the refresh interval. What this
 * instance learns is applied to its cached snapshots at once. Time comes from the injected
 * {@link Ticker} (cache ages) and {@link Clock} (retention), so tests move time instead of sleeping.
 *
 * <p>Thread-safe.
 */
public final class HistoryService implements HistoryView {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HistoryService.class);

    private static final String ORGANISATION = "*";

    private final HistoryStore store;
    private final HistoryWriter writer;
    private final HistoryConfig config;
    private final OrganisationConfig organisation;
    private final Clock clock;
    private final LoadingCache<String, SenderHistory> senders;
    private final LoadingCache<String, OrganisationHistory> organisationCache;

    /** A service on the system clock, refreshing in the common pool. */
    public HistoryService(HistoryStore store, HistoryConfig config, OrganisationConfig organisation) {
        this(store, config, organisation, Clock.systemUTC(), Ticker.systemTicker(), ForkJoinPool.commonPool());
    }

    /**
     * @param ticker   ages cache entries (inject a fake one in tests)
     * @param clock    wall-clock time for the retention cut-off
     * @param executor runs background reloads ({@code Runnable::run} makes them synchronous)
     */
    public HistoryService(HistoryStore store, HistoryConfig config, OrganisationConfig organisation, Clock clock,
                          Ticker ticker, Executor executor) {
        this(store, config, organisation, clock, ticker, executor, Runnable::run);
    }

    /**
     * @param writes runs the store writes of {@link #learn}, in batches of what queued up meanwhile (see
     *               {@link HistoryWriter}); the cached snapshots are updated at once either way. The
     *               relay passes a background writer so that a client's reply never waits for a
     *               database commit; a write lost in a crash costs the learned messages of one batch.
     */
    public HistoryService(HistoryStore store, HistoryConfig config, OrganisationConfig organisation, Clock clock,
                          Ticker ticker, Executor executor, Executor writes) {
        this(store, config, organisation, clock, ticker, executor, writes, Duration.ZERO);
    }

    /**
     * @param writeLinger how long each background write waits for more learned messages to join its
     *                    batch (see {@link HistoryWriter#lingering}); only for an asynchronous
     *                    {@code writes}, as a synchronous one would make the caller wait it
     */
    public HistoryService(HistoryStore store, HistoryConfig config, OrganisationConfig organisation, Clock clock,
                          Ticker ticker, Executor executor, Executor writes, Duration writeLinger) {
        this.writer = new HistoryWriter(store, writes, 10_000, HistoryWriter.lingering(writeLinger));
        this.store = store;
        this.config = config;
        this.organisation = organisation;
        this.clock = clock;
        Duration idle = config.refresh().multipliedBy(30).compareTo(Duration.ofHours(1)) > 0
                ? config.refresh().multipliedBy(30) : Duration.ofHours(1);
        this.senders = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(executor)
                .refreshAfterWrite(config.refresh())
                .expireAfterAccess(idle)
                .maximumSize(100_000)
                .build(sender -> store.loadSender(sender, cutoff()));
        this.organisationCache = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(executor)
                .refreshAfterWrite(config.refresh())
                .build(key -> store.loadOrganisation(cutoff()));
    }

    /** Messages a sender must have sent before recipient findings about them may hold mail. */
    public int learningMessages() {
        return config.learningMessages();
    }

    @Override
    public SenderHistory sender(String senderAddress) {
        String key = AddressKey.of(senderAddress);
        if (key.isEmpty()) {
            return SenderHistory.empty("");
        }
        return senders.get(key);
    }

    @Override
    public OrganisationHistory organisation() {
        return organisationCache.get(ORGANISATION);
    }

    /**
     * Learns from one message that the next hop accepted. Call it after delivery only, never for held
     * or rejected mail. Only an internal, non-null sender's external recipients are learned.
     *
     * @param envelope    the envelope as delivered: its recipients are those the next hop accepted
     * @param headers     the message's headers, for display names and the To/Cc group
     * @param deliveredAt when the next hop accepted it
     * A store failure is logged, not thrown: the message is delivered anyway.
     */
    public void learn(Envelope envelope, MessageHeaders headers, Instant deliveredAt) {
        if (envelope.isNullSender()) {
            return;
        }
        learn(envelope.sender(), envelope.recipients(), headers, deliveredAt);
    }

    /** {@link #learn(Envelope, MessageHeaders, Instant)} for a parsed message. */
    public void learn(OutboundMessage message, Instant deliveredAt) {
        learn(message.envelope(), message.headers(), deliveredAt);
    }

    /**
     * Learns from a message known only by its headers (imported sent mail): the recipients are every
     * address in {@code recipients}.
     */
    public void learn(String sender, List<String> recipients, MessageHeaders headers, Instant at) {
        learned(sender, recipients, headers, at).ifPresent(this::learn);
    }

    /** Adds a prepared message to the store and to this instance's cached snapshots. */
    public void learn(LearnedMessage message) {
        if (message.recipients().isEmpty()) {
            return;
        }
        writer.add(message);
        senders.asMap().computeIfPresent(message.sender(), (k, history) -> history.plus(message));
        organisationCache.asMap().computeIfPresent(ORGANISATION, (k, history) -> history.plus(message));
    }

    /**
     * Learns a message now, unless it was learned before (same sender and Message-ID): what an import
     * does, so that importing a Sent folder twice counts each message once. Writes synchronously.
     *
     * @return false when the message was known already (nothing changes)
     * @throws IllegalStateException when the store cannot be written
     */
    public boolean learnOnce(LearnedMessage message) {
        if (message.recipients().isEmpty() || !store.record(message)) {
            return false;
        }
        senders.asMap().computeIfPresent(message.sender(), (k, history) -> history.plus(message));
        organisationCache.asMap().computeIfPresent(ORGANISATION, (k, history) -> history.plus(message));
        return true;
    }

    /**
     * Takes back what was learned from one message of {@code sender} (a message found misdirected), so
     * that a slip that went out does not make its recipient a known correspondent. The sender's and the
     * organisation's cached snapshots are dropped, so the next look-up reads the store.
     *
     * @param messageId the message's Message-ID as written
     * @return the recipients it had; empty when history never learned it or unlearned it before
     */
    public Set<String> unlearn(String sender, String messageId) {
        String key = MessageKey.of(sender, messageId);
        if (key.isEmpty()) {
            return Set.of();
        }
        Set<String> recipients = store.unlearn(AddressKey.of(sender), key);
        if (!recipients.isEmpty()) {
            senders.invalidate(AddressKey.of(sender));
            organisationCache.invalidateAll();
            log.info("history: unlearned a message of {} ({} recipient(s))",
                    AddressKey.domain(AddressKey.of(sender)), recipients.size());
        }
        return recipients;
    }

    /**
     * The message history would learn, or empty when there is nothing to learn (external or null
     * sender, no external recipients).
     */
    public java.util.Optional<LearnedMessage> learned(String sender, List<String> recipients,
                                                      MessageHeaders headers, Instant at) {
        String senderKey = AddressKey.of(sender);
        if (senderKey.isEmpty() || !organisation.isInternal(senderKey)) {
            return java.util.Optional.empty();
        }
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> visible = new LinkedHashSet<>();
        for (List<MailAddress> field : List.of(headers.to(), headers.cc())) {
            for (MailAddress a : field) {
                String key = AddressKey.of(a.address());
                if (!key.isEmpty() && isExternal(key, senderKey)) {
                    names.putIfAbsent(key, a.displayName());
                    visible.add(key);
                }
            }
        }
        Map<String, LearnedMessage.LearnedRecipient> external = new LinkedHashMap<>();
        for (String recipient : recipients) {
            String key = AddressKey.of(recipient);
            if (!key.isEmpty() && isExternal(key, senderKey)) {
                external.putIfAbsent(key, new LearnedMessage.LearnedRecipient(key, names.getOrDefault(key, "")));
            }
        }
        if (external.isEmpty()) {
            return java.util.Optional.empty();
        }
        visible.retainAll(external.keySet());
        return java.util.Optional.of(new LearnedMessage(senderKey, at, new ArrayList<>(external.values()), visible,
                MessageKey.of(senderKey, headers.messageId())));
    }

    /** Forgets correspondents not mailed within {@code history.retention}; returns rows removed. */
    public int purgeExpired() {
        int removed = store.purge(cutoff());
        senders.invalidateAll();
        organisationCache.invalidateAll();
        return removed;
    }

    private boolean isExternal(String key, String senderKey) {
        return !key.equals(senderKey) && !organisation.isInternal(key);
    }

    private Instant cutoff() {
        return clock.instant().minus(config.retention());
    }
}
