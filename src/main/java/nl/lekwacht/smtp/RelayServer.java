package nl.lekwacht.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;
import nl.lekwacht.config.SmtpConfig;
import nl.lekwacht.config.source.Cidr;
import nl.lekwacht.message.spool.SpoolDirectory;
import nl.lekwacht.flow.DeliveryObserver;
import nl.lekwacht.flow.HoldDesk;
import nl.lekwacht.flow.Screener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The receiving side: a SubEthaSMTP server whose MAIL, RCPT, DATA, BDAT and EHLO are our own, so that
 * every transaction is mirrored on the next hop as it happens (a before-queue proxy). Start it once,
 * drain it on shutdown.
 */
final class RelayServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RelayServer.class);

    private final SMTPServer server;
    private final ClientAccess access;
    private final ScheduledExecutorService timer;

    /** Everything the relay needs, handed over by {@link SmtpSide}. */
    public record Parts(SmtpConfig config, NextHop nextHop, Screener screening, HoldDesk holdDesk,
                        List<DeliveryObserver> observers, SpoolDirectory spoolDirectory, RelayMetrics metrics,
                        Optional<SSLContext> tls, Clock clock) {
    }

    public RelayServer(Parts parts) throws UnknownHostException {
        SmtpConfig config = parts.config();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lekwacht-session-timer");
            t.setDaemon(true);
            return t;
        });
        // Exchange Online's networks may connect; the tenant check decides on each of their messages
        List<Cidr> reachable = java.util.stream.Stream.concat(config.allowedNetworks().stream(),
                config.exchangeOnline().networks().stream()).toList();
        this.access = new ClientAccess(reachable, config.maxConnectionsPerClient(),
                config.sessionTimeout(), timer, parts.nextHop(), parts.metrics());
        MessageDispatcher dispatcher = new MessageDispatcher(parts.screening(), parts.holdDesk(), parts.observers(),
                new TraceHeaders(config.hostname()), config.maxReceivedHeaders(), parts.metrics(), parts.clock(),
                new TenantCheck(config.exchangeOnline()));
        RelayLimits limits = new RelayLimits(config.maxMessageSize(), config.maxHeaderSize(), config.maxRecipients());
        SecureRandom random = new SecureRandom();
        SMTPServer.Builder builder = SMTPServer.port(config.listen().port())
                .bindAddress(InetAddress.getByName(config.listen().host()))
                .hostName(config.hostname())
                .softwareName("Lekwacht")
                .messageHandlerFactory(context -> new RelayTransaction(
                        access.relaySession((org.subethamail.smtp.server.Session) context), limits,
                        parts.spoolDirectory(), dispatcher, parts.clock(), random))
                .maxMessageSize((int) config.maxMessageSize())
                .maxRecipients(config.maxRecipients())
                .maxConnections(config.maxConnections())
                .connectionTimeoutMs((int) Math.min(Integer.MAX_VALUE, config.idleTimeout().toMillis()))
                .sessionHandler(access)
                // accepted sockets with a channel, so ClientPresence can poll them without waiting
                .serverSocketFactory(PollableServerSocket::new)
                .insertReceivedHeaders(false);
        parts.tls().ifPresent(context -> builder.enableTLS(true)
                .requireTLS(config.tls().mode() == SmtpConfig.TlsMode.REQUIRED)
                .startTlsSocketFactory(TlsContexts.startTls(context)));
        if (config.auth().enabled()) {
            builder.authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(
                    new SmtpUsers(config.auth().users())));
            builder.requireAuth(config.auth().required());
        }
        this.server = builder.build();
        RelayCommands.install(server.getCommandHandler(),
                new EhloCommand(config.hostname(), config.maxMessageSize(), parts.nextHop()),
                new MailCommand(config.maxMessageSize(), parts.nextHop(), access::isDraining, parts.metrics()),
                new RcptCommand(parts.metrics()),
                new DataCommand(parts.metrics()),
                new BdatCommand(parts.metrics()),
                config.auth().enabled());
        CommandBudget.install(server.getCommandHandler(), config.maxCommandsPerSession(), access, parts.metrics());
    }

    public void start() {
        server.start();
        log.info("SMTP relay listening on {}:{}", server.getBindAddress().map(InetAddress::getHostAddress).orElse("*"),
                port());
    }

    /** The port actually bound (useful when configured as 0). */
    public int port() {
        return server.getPortAllocated();
    }

    /**
     * Stops taking new sessions and transactions (they get 421), waits for transactions in flight to
     * finish, at most {@code timeout}, then stops.
     */
    public void drain(Duration timeout) {
        access.startDraining();
        Instant deadline = Instant.now().plus(timeout);
        while (access.transactionsInFlight() > 0 && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long left = access.transactionsInFlight();
        if (left > 0) {
            log.warn("drain timed out with {} transaction(s) in flight", left);
        }
        close();
    }

    public boolean isDraining() {
        return access.isDraining();
    }

    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
        }
        timer.shutdownNow();
    }
}
