package nl.lekwacht.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.spool.Spool;
import nl.lekwacht.flow.Delivered;
import nl.lekwacht.flow.DeliveryObserver;
import nl.lekwacht.flow.HoldDesk;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Screener;
import nl.lekwacht.flow.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens at the end of data: screen the message, then deliver it to the next hop, hold it or
 * refuse it, and turn that into the one reply the client gets. The only place where a verdict becomes
 * an SMTP code. Thread-safe.
 */
final class MessageDispatcher {

    private static final Logger log = LoggerFactory.getLogger("nl.lekwacht.messages");
    private static final Pattern QUEUED_AS = Pattern.compile("(?i)queued as ([A-Za-z0-9._-]+)");

    private final Screener screening;
    private final HoldDesk holdDesk;
    private final List<DeliveryObserver> observers;
    private final TraceHeaders traceHeaders;
    private final int maxReceivedHeaders;
    private final RelayMetrics metrics;
    private final Clock clock;
    private final TenantCheck tenants;

    MessageDispatcher(Screener screening, HoldDesk holdDesk, List<DeliveryObserver> observers,
                      TraceHeaders traceHeaders, int maxReceivedHeaders, RelayMetrics metrics, Clock clock,
                      TenantCheck tenants) {
        this.screening = screening;
        this.holdDesk = holdDesk;
        this.observers = List.copyOf(observers);
        this.traceHeaders = traceHeaders;
        this.maxReceivedHeaders = maxReceivedHeaders;
        this.metrics = metrics;
        this.clock = clock;
        this.tenants = tenants;
    }

    /**
     * @param clientGone says whether the client has left; asked once per message: just before the next
     *                   hop's final dot for a message that is relayed, else after screening. A client that
     *                   left will send the message again, so it is then neither relayed nor held (outcome
     *                   {@code ABANDONED})
     * @param reopen     opens the transaction again on a fresh connection when the next hop closed
     *                   {@code nextHop} while the message was received and inspected
     */
    SmtpReply dispatch(Envelope envelope, Spool spool, NextHopConnection nextHop, Reopen reopen, boolean tls,
                       BooleanSupplier clientGone) {
        Instant started = clock.instant();
        Optional<SmtpReply> foreign = foreignTenant(envelope, spool, nextHop);
        if (foreign.isPresent()) {
            metrics.message("FOREIGN_TENANT", spool.size(), Duration.between(started, clock.instant()));
            return foreign.get();
        }
        Screened screened = null;
        SmtpReply reply;
        String outcome;
        try {
            screened = screening.screen(envelope, spool);
            metrics.inspected(Duration.between(started, clock.instant()));
            boolean loop = screened.message().headers().receivedCount() > maxReceivedHeaders;
            // A message on its way to the next hop is asked about its client just before the final dot, the
            // moment that counts; asking here as well would cost every clean message the wait of one look
            // (about a millisecond while the client is there and silent), and a client that left during
            // screening is still caught before the dot.
            if ((loop || screened.verdict().action() != Verdict.Action.DELIVER) && clientGone.getAsBoolean()) {
                throw new ClientGoneException();
            }
            if (loop) {
                nextHop.reset();
                reply = SmtpReply.of(554, "5.4.6 Mail loop detected");
                outcome = "LOOP";
            } else {
                Verdict verdict = screened.verdict();
                outcome = verdict.action().name();
                reply = switch (verdict.action()) {
                    case DELIVER -> deliver(screened, spool, nextHop, reopen, tls, clientGone);
                    case HOLD -> hold(screened, spool, nextHop);
                    case DELAY -> delay(screened, spool, nextHop);
                    case REJECT -> reject(verdict, nextHop);
                };
            }
        } catch (ClientGoneException e) {
            nextHop.reset();
            reply = SmtpReply.of(451, "4.3.0 Client left before the reply; message not relayed");
            outcome = "ABANDONED";
            log.warn("queue={} client disconnected before the reply; the message was not relayed or held "
                    + "(the client's retry will be inspected anew)", envelope.queueId());
        } catch (NextHopUnavailableException e) {
            reply = SmtpReply.of(451, "4.4.1 Next hop unavailable, try again later");
            outcome = "TEMPFAIL";
            log.warn("queue={} next hop failed: {}", envelope.queueId(), e.getMessage());
        } catch (RuntimeException e) {
            nextHop.reset();
            reply = SmtpReply.of(451, "4.3.0 Internal error, try again later");
            outcome = "ERROR";
            log.error("queue={} internal error while processing: {}", envelope.queueId(), e.toString(), e);
        }
        Duration took = Duration.between(started, clock.instant());
        metrics.message(outcome, spool.size(), took);
        logLine(envelope, screened, outcome, reply, spool.size(), took);
        if (screened != null && log.isDebugEnabled()) {
            screened.verdict().findings().forEach(f -> log.debug("queue={} finding={} severity={} where={} count={} details={}",
                    envelope.queueId(), f.code(), f.severity(), f.where(), f.count(), f.details()));
        }
        return reply;
    }

    /**
     * The Exchange Online tenant check, before anything else looks at the message: mail of another
     * tenant is neither inspected nor held, and opens no incident.
     */
    private Optional<SmtpReply> foreignTenant(Envelope envelope, Spool spool, NextHopConnection nextHop) {
        Optional<TenantCheck.Refusal> refusal;
        try {
            refusal = tenants.refusal(envelope.client(), spool);
        } catch (IOException e) {
            nextHop.reset();
            log.error("queue={} could not read the header for the tenant check: {}", envelope.queueId(), e.toString());
            return Optional.of(SmtpReply.of(451, "4.3.0 Internal error, try again later"));
        }
        return refusal.map(r -> {
            nextHop.reset();
            SmtpReply reply = r.reply();
            log.warn("queue={} client={} size={} verdict=REFUSED refused={} tenant={} reply={}", envelope.queueId(),
                    envelope.client().getHostAddress(), spool.size(), r.reason(),
                    r.tenants().isEmpty() ? "-" : String.join(",", r.tenants().stream()
                            .map(t -> t.replaceAll("[^0-9a-z-]", "?")).map(t -> t.length() > 40 ? t.substring(0, 40) : t)
                            .limit(3).toList()), reply.code());
            return reply;
        });
    }

    private SmtpReply deliver(Screened screened, Spool spool, NextHopConnection nextHop, Reopen reopen, boolean tls,
                              BooleanSupplier clientGone) throws NextHopUnavailableException, ClientGoneException {
        Envelope envelope = screened.message().envelope();
        byte[] trace = traceHeaders.render(envelope, tls, screened.verdict(), ZonedDateTime.now(clock));
        SmtpReply reply;
        try {
            reply = send(nextHop, trace, spool, clientGone);
        } catch (NextHopDroppedException dropped) {
            // The next hop closed the connection while it sat idle (a large message took longer to receive
            // and inspect than its timeout): it has nothing of the message, so send it on a fresh one.
            log.info("queue={} next hop had closed the idle connection before DATA; sending on a new connection",
                    envelope.queueId());
            metrics.nextHopReopened();
            reply = send(reopen.reopen(), trace, spool, clientGone);
        }
        if (!reply.isPositive()) {
            return reply;
        }
        Delivered delivered = new Delivered(screened, clock.instant(), nextHopId(reply));
        for (DeliveryObserver observer : observers) {
            try {
                observer.delivered(delivered);
            } catch (RuntimeException e) {
                log.error("queue={} after-delivery step failed: {}", envelope.queueId(), e.toString(), e);
            }
        }
        return reply.withQueueId(envelope.queueId());
    }

    private static SmtpReply send(NextHopConnection nextHop, byte[] trace, Spool spool, BooleanSupplier clientGone)
            throws NextHopUnavailableException, ClientGoneException {
        try (InputStream body = spool.open()) {
            return nextHop.data(trace, body, clientGone);
        } catch (NextHopUnavailableException | ClientGoneException e) {
            throw e;
        } catch (IOException e) {
            throw new NextHopUnavailableException("could not read spool", e);
        }
    }

    /** Opens the message's transaction again (MAIL and every accepted RCPT) on a fresh next-hop connection. */
    @FunctionalInterface
    interface Reopen {
        NextHopConnection reopen() throws NextHopUnavailableException;
    }

    private SmtpReply hold(Screened screened, Spool spool, NextHopConnection nextHop) {
        nextHop.reset();
        try {
            String reference = holdDesk.hold(screened, spool);
            return SmtpReply.of(250, "2.6.0 Held for sender confirmation (ref " + reference + ")");
        } catch (IOException | RuntimeException e) {
            log.error("queue={} could not store hold: {}", screened.message().envelope().queueId(), e.toString(), e);
            return SmtpReply.of(451, "4.3.0 Could not store the message, try again later");
        }
    }

    private SmtpReply delay(Screened screened, Spool spool, NextHopConnection nextHop) {
        nextHop.reset();
        try {
            HoldDesk.Delayed delayed = holdDesk.delay(screened, spool);
            return SmtpReply.of(250, "2.6.0 Delayed until " + DateTimeFormatter.ofPattern("HH:mm").format(delayed.until())
                    + " (ref " + delayed.reference() + ")");
        } catch (IOException | RuntimeException e) {
            log.error("queue={} could not store delayed message: {}", screened.message().envelope().queueId(),
                    e.toString(), e);
            return SmtpReply.of(451, "4.3.0 Could not store the message, try again later");
        }
    }

    private static SmtpReply reject(Verdict verdict, NextHopConnection nextHop) {
        nextHop.reset();
        String reasons = String.join("; ", verdict.reasons());
        if (reasons.length() > 400) {
            reasons = reasons.substring(0, 400) + "...";
        }
        return SmtpReply.of(550, "5.7.1 Refused by data leak policy: " + reasons.replaceAll("[\\r\\n]", " "));
    }

    /** The next hop's own queue id, from its {@code queued as ...} text; empty when it gave none. */
    private static String nextHopId(SmtpReply reply) {
        Matcher queued = QUEUED_AS.matcher(String.join(" ", reply.lines()));
        return queued.find() ? queued.group(1) : "";
    }

    private static void logLine(Envelope envelope, Screened screened, String outcome, SmtpReply reply, long size,
                                Duration took) {
        String codes = screened == null ? "-" : screened.verdict().codes().stream().map(Enum::name)
                .collect(Collectors.joining(","));
        String nextHopId = nextHopId(reply);
        log.info("queue={} nexthop_id={} client={} sender_domain={} rcpts={} size={} verdict={} codes={} reply={} took_ms={}",
                envelope.queueId(), nextHopId.isEmpty() ? "-" : nextHopId, envelope.client().getHostAddress(),
                envelope.isNullSender() ? "<>" : envelope.senderDomain(), envelope.recipients().size(), size,
                outcome, codes.isEmpty() ? "-" : codes, reply.code(), took.toMillis());
    }
}
