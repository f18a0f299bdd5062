package nl.lekwacht;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLSocketFactory;
import nl.lekwacht.config.DownstreamConfig;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.hold.ContentCipher;
import nl.lekwacht.hold.DeliveryQueue;
import nl.lekwacht.hold.HoldLoop;
import nl.lekwacht.hold.HoldMetrics;
import nl.lekwacht.hold.HoldService;
import nl.lekwacht.hold.LinkTokens;
import nl.lekwacht.hold.Notices;
import nl.lekwacht.hold.OverrideListener;
import nl.lekwacht.smtp.NextHop;
import nl.lekwacht.smtp.RelayMetrics;
import nl.lekwacht.smtp.SystemMailer;
import nl.lekwacht.store.Database;
import nl.lekwacht.store.SecretFingerprints;
import nl.lekwacht.store.hold.JdbcHoldStore;
import nl.lekwacht.web.Pages;
import nl.lekwacht.text.Texts;
import nl.lekwacht.web.hold.AdminHoldPages;
import nl.lekwacht.web.hold.HoldPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the hold side for {@link Gateway}: store, sealing, link tokens, notices, the service the relay
 * hands held messages to, the confirmation pages, and the background loop that works the delivery
 * queue. Part of the wiring, so it sees every package.
 *
 * @param service the relay's {@link nl.lekwacht.smtp.HoldDesk}, and what the admin view acts through
 * @param pages   the {@code /h/{token}} routes
 * @param adminPages {@code /admin/holds} and {@code /api/holds}, behind the login guard
 * @param loop    started by {@link #start}; closed with the gateway
 * @param mailer  sends the gateway's own notices (reusable by the register)
 */
record HoldWiring(HoldService service, HoldPages pages, AdminHoldPages adminPages, HoldLoop loop, DeliveryQueue queue,
                  SystemMailer mailer, Texts texts, Pages renderer, LinkTokens tokens) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HoldWiring.class);

    static HoldWiring build(LekwachtConfig config, Database database, MeterRegistry registry, NextHop nextHop,
                            SSLSocketFactory tls, RelayMetrics relayMetrics, Clock clock, OverrideListener overrides) {
        var hold = config.hold();
        SecureRandom random = new SecureRandom();
        JdbcHoldStore store = new JdbcHoldStore(database.dataSource());
        ContentCipher cipher = ContentCipher.fromConfig(hold.encryptionKey(), hold.oldEncryptionKeys(), random);
        LinkTokens tokens = new LinkTokens(linkSecret(hold.linkSecret(), random), random, clock);
        // instances sharing a store must share these secrets; a per-process random one is not shared
        SecretFingerprints fingerprints = new SecretFingerprints(database.dataSource(), clock);
        if (!hold.linkSecret().isEmpty()) {
            fingerprints.verify("hold.link-secret", hold.linkSecret().getBytes(StandardCharsets.UTF_8));
        }
        if (!hold.encryptionKey().isEmpty()) {
            fingerprints.verify("hold.encryption-key", hold.encryptionKey().getBytes(StandardCharsets.UTF_8));
        }
        Texts texts = Texts.load(config.web().language(), Notices.BUNDLE);
        Pages renderer = new Pages();
        Notices notices = new Notices(texts, renderer.templates(), hold.notifyFrom(), config.smtp().hostname(),
                hold.timeZone());
        HoldMetrics metrics = new HoldMetrics(registry, store);
        HoldLoop loop = new HoldLoop(hold.pollInterval());
        HoldService service = new HoldService(store, cipher, tokens, notices, config.organisation(), metrics,
                overrides, loop::wake, clock, new HoldService.Settings(hold.expiry(), hold.contentGrace(),
                hold.notifyFrom(), config.web().publicUrl(), config.policy().incidentOnOverride()));
        SystemMailer releases = new SystemMailer(nextHop, config.smtp().hostname());
        SystemMailer mailer = hold.notifyRelay().map(relay -> new SystemMailer(new NextHop(
                notifyRelay(config.downstream(), relay.host(), relay.port()), tls, relayMetrics),
                config.smtp().hostname())).orElse(releases);
        DeliveryQueue queue = new DeliveryQueue(store, cipher, releases, mailer, notices,
                config.organisation()::isInternal, metrics, clock, instanceName(),
                new DeliveryQueue.Timing(config.downstream().connectTimeout().plus(config.downstream().dataTimeout())
                        .plus(config.downstream().commandTimeout().multipliedBy(4)), hold.deliveryRetry(),
                        hold.deliveryLifetime()));
        HoldPages pages = new HoldPages(service, tokens, renderer, texts, hold.timeZone(),
                config.organisation()::isInternal, clock, hold.expiry());
        log.info("holding enabled: content key {}, link secret {}", cipher.fingerprint(), tokens.fingerprint());
        AdminHoldPages admin = new AdminHoldPages(service, renderer, texts, hold.timeZone());
        return new HoldWiring(service, pages, admin, loop, queue, mailer, texts, renderer, tokens);
    }

    /** Starts the background work: expiry, content erasure, the delivery queue. */
    void start() {
        loop.start(List.of(service::expireDue, service::purgeContent, queue::runDue));
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

    private static DownstreamConfig notifyRelay(DownstreamConfig d, String host, int port) {
        return new DownstreamConfig(host, port, d.tls(), d.connectTimeout(), d.commandTimeout(), d.dataTimeout(),
                d.heloName(), Optional.empty(), d.truststore(), d.truststorePassword());
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown";
        }
        return (host + "-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
