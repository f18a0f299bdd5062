package nl.lekwacht.smtp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * EHLO that advertises only what the relay can carry through to the next hop: SIZE, CHUNKING (we
 * relay BDAT data with DATA), STARTTLS and AUTH as configured, and 8BITMIME / SMTPUTF8 only when the
 * next hop offered them on its last connection. DSN and BINARYMIME are never offered.
 */
final class EhloCommand extends BaseCommand {

    private final String hostname;
    private final long maxMessageSize;
    private final NextHop nextHop;

    EhloCommand(String hostname, long maxMessageSize, NextHop nextHop) {
        super("EHLO", "Introduce yourself.", "<hostname>");
        this.hostname = hostname;
        this.maxMessageSize = maxMessageSize;
        this.nextHop = nextHop;
    }

    @Override
    public void execute(String commandString, Session session) throws IOException {
        String[] args = getArgs(commandString);
        if (args.length < 2) {
            session.sendResponse("501 5.5.4 Syntax: EHLO hostname");
            return;
        }
        session.resetMailTransaction();
        session.setHelo(args[1]);
        List<String> lines = new ArrayList<>();
        lines.add(hostname);
        lines.add("SIZE " + maxMessageSize);
        NextHop.Capabilities capabilities = nextHop.capabilities();
        if (capabilities.eightBitMime()) {
            lines.add("8BITMIME");
        }
        if (capabilities.smtpUtf8()) {
            lines.add("SMTPUTF8");
        }
        lines.add("CHUNKING");
        lines.add("ENHANCEDSTATUSCODES");
        if (session.getServer().getEnableTLS() && !session.isTLSStarted()) {
            lines.add("STARTTLS");
        }
        if (session.isTLSStarted()) {
            session.getServer().getAuthenticationHandlerFactory().ifPresent(factory -> {
                if (!factory.getAuthenticationMechanisms().isEmpty() && !session.isAuthenticated()) {
                    lines.add("AUTH " + String.join(" ", factory.getAuthenticationMechanisms()));
                }
            });
        }
        session.sendResponse(new SmtpReply(250, lines).render());
    }
}
