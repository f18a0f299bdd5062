package nl.lekwacht.smtp;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import nl.lekwacht.config.DownstreamConfig;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.config.SmtpConfig;
import nl.lekwacht.flow.DeliveryObserver;
import nl.lekwacht.flow.HoldDesk;
import nl.lekwacht.flow.Outbox;
import nl.lekwacht.flow.Screener;
import nl.lekwacht.message.spool.SpoolDirectory;
import nl.lekwacht.tls.TlsSide;

/**
 * The smtp package's entry: the next hop and the outboxes first (everything that sends mail needs
 * them), then the receiving relay once the screening, the hold desk and the delivery observers exist.
 * Call order: {@link #open}, {@link #relay}, {@link #start}; {@link #close} any time.
 */
public final class SmtpSide implements AutoCloseable {

    private final LekwachtConfig config;
    private final RelayMetrics metrics;
    private final NextHop nextHop;
    private final Outbox releases;
    private final Outbox notices;
    private RelayServer relay;

    private SmtpSide(LekwachtConfig config, RelayMetrics metrics, NextHop nextHop, Outbox releases, Outbox notices) {
        this.config = config;
        this.metrics = metrics;
        this.nextHop = nextHop;
        this.releases = releases;
        this.notices = notices;
    }

    /** The next hop (with its TLS policy) and the outboxes over it and over {@code hold.notify-relay}. */
    public static SmtpSide open(LekwachtConfig config, MeterRegistry registry) throws IOException,
            GeneralSecurityException {
        RelayMetrics metrics = new RelayMetrics(registry);
        DownstreamConfig downstream = config.downstream();
        SSLSocketFactory tls = TlsSide.clientSockets(downstream.truststore().map(Path::of),
                downstream.truststorePassword());
        NextHop nextHop = new NextHop(downstream, tls, metrics);
        String hostname = config.smtp().hostname();
        Outbox releases = new RelayOutbox(nextHop, hostname);
        Outbox notices = config.hold().notifyRelay().<Outbox>map(relay -> new RelayOutbox(new NextHop(
                notifyRelay(downstream, relay.host(), relay.port()), tls, metrics), hostname)).orElse(releases);
        return new SmtpSide(config, metrics, nextHop, releases, notices);
    }

    /**
     * Connects to the next hop once, as the relay would (STARTTLS as configured, EHLO), and quits
     * ({@code check-config --connect}).
     *
     * @return empty when it answered, else why not
     */
    public static Optional<String> probeNextHop(LekwachtConfig config) throws IOException,
            GeneralSecurityException {
        SmtpSide side = open(config, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        return side.nextHop.probe();
    }

    /** Sends released held messages: the next hop. */
    public Outbox releases() {
        return releases;
    }

    /** Sends the gateway's own notices: {@code hold.notify-relay}, else the next hop. */
    public Outbox notices() {
        return notices;
    }

    public RelayMetrics metrics() {
        return metrics;
    }

    /** True when the next hop can be connected to and greeted (readiness). */
    public boolean nextHopReachable() {
        return nextHop.isReachable();
    }

    /**
     * Builds the receiving relay; it listens from {@link #start} on.
     *
     * @param tls the STARTTLS context (from the tls side, which keeps its certificate current), when
     *            {@code smtp.tls.mode} is not none
     */
    public void relay(Screener screener, HoldDesk holdDesk, List<DeliveryObserver> observers, Clock clock,
                      Optional<SSLContext> tls) throws IOException {
        SmtpConfig smtp = config.smtp();
        SpoolDirectory spool = new SpoolDirectory(smtp.spoolDirectory(), smtp.spoolMemoryThreshold());
        spool.sweep();
        relay = new RelayServer(new RelayServer.Parts(smtp, nextHop, screener, holdDesk, observers, spool, metrics,
                tls, clock));
    }

    /** Learns what the next hop offers (EHLO advertises only that), then listens. */
    public void start() {
        Thread probe = new Thread(nextHop::isReachable, "lekwacht-nexthop-probe");
        probe.setDaemon(true);
        probe.start();
        relay.start();
    }

    public int port() {
        return relay.port();
    }

    public boolean isDraining() {
        return relay != null && relay.isDraining();
    }

    /** New sessions get 421, transactions in flight finish (at most {@code timeout}), then it stops. */
    public void drain(Duration timeout) {
        relay.drain(timeout);
    }

    @Override
    public void close() {
        if (relay != null) {
            relay.close();
        }
    }

    private static DownstreamConfig notifyRelay(DownstreamConfig d, String host, int port) {
        return new DownstreamConfig(host, port, d.tls(), d.connectTimeout(), d.commandTimeout(), d.dataTimeout(),
                d.heloName(), Optional.empty(), d.truststore(), d.truststorePassword());
    }
}
