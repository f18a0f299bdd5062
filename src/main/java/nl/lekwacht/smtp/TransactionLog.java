package nl.lekwacht.smtp;

import java.net.InetAddress;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one log line of an SMTP transaction that ended without its message being screened: refused at
 * connect (relay denied), at MAIL or RCPT (the next hop's refusal, the next hop down), at DATA (too
 * big, bare LF, NUL), or left by the client before its data. Screened messages get theirs from the
 * {@link MessageDispatcher}. Same logger and the same keys as that line, so one query finds every
 * transaction: {@code verdict} is {@code REFUSED} (5xx), {@code TEMPFAIL} (4xx) or {@code NOT_SENT} (the
 * client ended the transaction itself), {@code refused} says where and why, {@code reply} is the code the
 * client got and {@code status} its enhanced code. Never an address (the sender's domain only) and never
 * a reply's text, which may name a recipient.
 */
final class TransactionLog {

    private static final Logger log = LoggerFactory.getLogger("nl.lekwacht.messages");

    private TransactionLog() {
    }

    /**
     * @param queueId      our queue id, or {@code -} when no transaction was started
     * @param senderDomain the MAIL address's domain, {@code <>} for the null sender, {@code -} when unknown
     * @param why          where and why, upper case: {@code RELAY_DENIED}, {@code MAIL}, {@code RCPT},
     *                     {@code NEXT_HOP_DOWN}, {@code TOO_BIG}, ...
     */
    static void refused(String queueId, InetAddress client, String senderDomain, int rcpts, int refusedRcpts,
                        long size, String why, SmtpReply reply) {
        refused(queueId, client, senderDomain, rcpts, refusedRcpts, size, why, reply, "");
    }

    /**
     * As {@link #refused(String, InetAddress, String, int, int, long, String, SmtpReply)}, with what failed on
     * our side (e.g. the spool's write error) as a last {@code cause="..."} key when not empty.
     */
    static void refused(String queueId, InetAddress client, String senderDomain, int rcpts, int refusedRcpts,
                        long size, String why, SmtpReply reply, String cause) {
        String verdict = reply.isTransient() ? "TEMPFAIL" : "REFUSED";
        String status = reply.enhancedCode().isEmpty() ? "-" : reply.enhancedCode();
        String tail = cause.isEmpty() ? "" : " cause=\"" + cause.replace('"', '\'') + "\"";
        log.warn("queue={} nexthop_id=- client={} sender_domain={} rcpts={} refused_rcpts={} size={} verdict={} "
                        + "refused={} reply={} status={}{}", queueId, client.getHostAddress(), senderDomain, rcpts,
                refusedRcpts, size, verdict, why, reply.code(), status, tail);
    }

    /**
     * The client's connection ended in the middle of its data ({@code how}: closed, reset): an everyday
     * event (a client that gave up), so one line without a stack trace; nothing was relayed.
     */
    static void leftInData(String queueId, InetAddress client, String senderDomain, int rcpts, int refusedRcpts,
                           long size, String how) {
        log.info("queue={} nexthop_id=- client={} sender_domain={} rcpts={} refused_rcpts={} size={} verdict=NOT_SENT "
                        + "refused=CLIENT_LEFT_IN_DATA reply=- status=- cause=\"{}\"", queueId,
                client.getHostAddress(), senderDomain, rcpts, refusedRcpts, size, how.replace('"', '\''));
    }

    /** The client ended a transaction (RSET, QUIT, disconnect) before sending its data, nothing refused. */
    static void notSent(String queueId, InetAddress client, String senderDomain, int rcpts, int refusedRcpts) {
        log.info("queue={} nexthop_id=- client={} sender_domain={} rcpts={} refused_rcpts={} size=0 verdict=NOT_SENT "
                + "refused=- reply=- status=-", queueId, client.getHostAddress(), senderDomain, rcpts, refusedRcpts);
    }

    /** The domain of a MAIL address as the line shows it: {@code <>} for the null sender, never the local part. */
    static String senderDomain(String address) {
        if (address == null) {
            return "-";
        }
        if (address.isEmpty()) {
            return "<>";
        }
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? "-" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
