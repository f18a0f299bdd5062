package nl.lekwacht.smtp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.lekwacht.config.source.Cidr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * Decides at connect time whether a client may talk to us: only allowed networks, a bounded number of
 * sessions per client address, nobody while draining. Also owns each session's {@link RelaySession}
 * and its whole-session deadline. Thread-safe.
 */
final class ClientAccess implements SessionHandler {

    private static final Logger log = LoggerFactory.getLogger(ClientAccess.class);

    private final List<Cidr> allowedNetworks;
    private final int maxPerClient;
    private final Duration sessionTimeout;
    private final ScheduledExecutorService timer;
    private final NextHop nextHop;
    private final RelayMetrics metrics;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Map<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final Map<Session, Tracked> sessions = new ConcurrentHashMap<>();

    private record Tracked(RelaySession relay, ScheduledFuture<?> deadline) {
    }

    ClientAccess(List<Cidr> allowedNetworks, int maxPerClient, Duration sessionTimeout,
                 ScheduledExecutorService timer, NextHop nextHop, RelayMetrics metrics) {
        this.allowedNetworks = List.copyOf(allowedNetworks);
        this.maxPerClient = maxPerClient;
        this.sessionTimeout = sessionTimeout;
        this.timer = timer;
        this.nextHop = nextHop;
        this.metrics = metrics;
    }

    @Override
    public SessionAcceptance accept(Session session) {
        InetAddress client = session.getRemoteAddress().getAddress();
        if (draining.get()) {
            return refuse(client, "SHUTTING_DOWN", 421, "4.3.2 Service shutting down, try again later");
        }
        if (allowedNetworks.stream().noneMatch(n -> n.contains(client))) {
            // not in smtp.allowed-networks
            return refuse(client, "RELAY_DENIED", 554, "5.7.1 Relay access denied");
        }
        AtomicInteger count = perClient.computeIfAbsent(client, c -> new AtomicInteger());
        if (count.incrementAndGet() > maxPerClient) {
            count.decrementAndGet();
            return refuse(client, "TOO_MANY_CONNECTIONS", 421, "4.7.0 Too many connections from your address");
        }
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            log.info("closing session from {}: smtp.session-timeout reached", client.getHostAddress());
            session.quit();
        }, sessionTimeout.toMillis(), TimeUnit.MILLISECONDS);
        sessions.put(session, new Tracked(new RelaySession(session, nextHop, metrics), deadline));
        metrics.sessionStarted();
        return SessionAcceptance.success();
    }

    /** Refuses a client at connect, with the one log line its (never started) transaction gets. */
    private SessionAcceptance refuse(InetAddress client, String why, int code, String text) {
        TransactionLog.refused("-", client, "-", 0, 0, 0, why, SmtpReply.of(code, text));
        metrics.reply(code);
        return SessionAcceptance.failure(code, text);
    }

    @Override
    public void onSessionEnd(Session session) {
        Tracked tracked = sessions.remove(session);
        if (tracked == null) {
            return;
        }
        tracked.deadline().cancel(false);
        tracked.relay().close();
        perClient.computeIfPresent(session.getRemoteAddress().getAddress(),
                (c, n) -> n.decrementAndGet() <= 0 ? null : n);
        metrics.sessionEnded();
    }

    RelaySession relaySession(Session session) {
        Tracked tracked = sessions.get(session);
        if (tracked == null) {
            throw new IllegalStateException("no relay session for " + session.getSessionId());
        }
        return tracked.relay();
    }

    void startDraining() {
        draining.set(true);
    }

    boolean isDraining() {
        return draining.get();
    }

    /** Sessions with a mail transaction under way. */
    long transactionsInFlight() {
        return sessions.keySet().stream().filter(Session::isMailTransactionInProgress).count();
    }

    int sessionCount() {
        return sessions.size();
    }
}
