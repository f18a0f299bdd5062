package nl.lekwacht.hold;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.flow.HoldDesk;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.message.spool.Spool;

/**
 * Takes a hold for the relay: seals and stores the message durably, with its first audit events and
 * the sender's notification queued in the same transaction, before the relay answers 250. Thread-safe.
 */
final class HoldTaking implements HoldDesk {

    private final HoldStore store;
    private final ContentCipher cipher;
    private final LinkTokens tokens;
    private final Notices notices;
    private final NoticeJobs jobs;
    private final HoldRecords records;
    private final HoldMetrics metrics;
    private final Runnable wake;
    private final Clock clock;
    private final java.util.function.UnaryOperator<Instant> expiry;
    private final Duration delay;
    private final java.time.ZoneId zone;
    private final String publicUrl;
    private final java.util.function.Function<HeldMessage, java.util.Optional<String>> delegate;

    /**
     * @param expiry    when a hold taken at a time expires ({@code hold.expiry}, in working time when configured)
     * @param delay     how long a delayed message waits ({@code hold.delay})
     * @param zone      the organisation's time zone, for the time in the SMTP reply
     * @param publicUrl base of the link ({@code web.public-url})
     * @param delegate  who may decide in the sender's place once the hold is escalated, if anyone
     */
    HoldTaking(HoldStore store, ContentCipher cipher, LinkTokens tokens, Notices notices, NoticeJobs jobs,
               OrganisationConfig organisation, HoldMetrics metrics, Runnable wake, Clock clock,
               java.util.function.UnaryOperator<Instant> expiry, Duration delay, java.time.ZoneId zone, String publicUrl,
               java.util.function.Function<HeldMessage, java.util.Optional<String>> delegate) {
        this.store = store;
        this.cipher = cipher;
        this.tokens = tokens;
        this.notices = notices;
        this.jobs = jobs;
        this.records = new HoldRecords(organisation);
        this.metrics = metrics;
        this.wake = wake;
        this.clock = clock;
        this.expiry = expiry;
        this.delay = delay;
        this.zone = zone;
        this.publicUrl = publicUrl;
        this.delegate = delegate;
    }

    @Override
    public String hold(Screened screened, Spool spool) throws IOException {
        return take(screened, spool, false).id();
    }

    @Override
    public Delayed delay(Screened screened, Spool spool) throws IOException {
        HeldMessage hold = take(screened, spool, true);
        return new Delayed(hold.id(), hold.expiresAt().atZone(zone));
    }

    /** Seals and stores the message with its notice; a delayed one leaves by itself at its expiry. */
    private HeldMessage take(Screened screened, Spool spool, boolean delayed) throws IOException {
        Instant now = clock.instant();
        String token = tokens.newToken();
        boolean eightBit = eightBit(spool);
        HeldMessage hold = records.newHold(screened, LinkTokens.hash(token), eightBit, signed(spool), delayed,
                spool.size(), now, delayed ? now.plus(delay) : expiry.apply(now));
        if (!delayed) {
            HeldMessage taken = hold;
            hold = delegate.apply(taken).map(d -> taken.withFollowUp(new HeldMessage.FollowUp(java.util.Optional.empty(),
                    java.util.Optional.empty(), java.util.Optional.of(d)))).orElse(taken);
        }
        if (hold.details().notifyTo().isEmpty()) {
            throw new IOException("nobody inside the organisation to ask about hold " + hold.id());
        }
        String link = publicUrl + "/h/" + token;
        HoldStore.NewJob notification = jobs.notice(hold, delayed ? notices.delayed(hold, link)
                : notices.held(hold, link), now);
        List<AuditEvent> events = List.of(
                new AuditEvent(hold.id(), now, "relay", delayed ? AuditEvent.DELAYED : AuditEvent.HELD, "codes="
                        + String.join(",", hold.details().codes()) + "; recipients=" + hold.recipients().size()
                        + "; size=" + spool.size()),
                new AuditEvent(hold.id(), now, "relay", AuditEvent.NOTIFICATION_QUEUED,
                        "to=" + String.join(",", hold.details().notifyTo())));
        try (InputStream content = spool.open()) {
            store.create(hold, cipher.seal(hold.id(), content), events, List.of(notification));
        } catch (RuntimeException e) {
            throw new IOException("could not store hold " + hold.id() + ": " + e.getMessage(), e);
        }
        metrics.held();
        wake.run();
        return hold;
    }

    /** Signed or encrypted as a whole (S/MIME, PGP/MIME): a part taken out would break it. */
    static boolean signed(Spool spool) throws IOException {
        String type;
        try (InputStream in = spool.open()) {
            type = HeaderSection.value(HeaderSection.read(in), "content-type").toLowerCase(java.util.Locale.ROOT);
        }
        return type.startsWith("multipart/signed") || type.startsWith("multipart/encrypted")
                || type.startsWith("application/pkcs7-mime") || type.startsWith("application/x-pkcs7-mime");
    }

    private static boolean eightBit(Spool spool) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = spool.open()) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] < 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
