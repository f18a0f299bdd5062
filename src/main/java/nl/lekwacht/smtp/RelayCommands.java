package nl.lekwacht.smtp;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.internal.server.RequireAuthCommandWrapper;
import org.subethamail.smtp.internal.server.RequireTLSCommandWrapper;
import org.subethamail.smtp.server.Session;

/**
 * Installs our EHLO, MAIL, RCPT, DATA and BDAT in SubEthaSMTP's command table, wrapped like the stock
 * ones in the TLS-required and AUTH-required checks, and makes AUTH refuse to run before STARTTLS.
 */
final class RelayCommands {

    private RelayCommands() {
    }

    static void install(CommandHandler handler, EhloCommand ehlo, MailCommand mail, RcptCommand rcpt,
                        DataCommand data, BdatCommand bdat, boolean authOffered) {
        handler.addCommand(ehlo);
        handler.addCommand(guarded(mail));
        handler.addCommand(guarded(rcpt));
        handler.addCommand(guarded(data));
        handler.addCommand(guarded(bdat));
        Command auth = handler.getCommand("AUTH");
        if (auth != null && authOffered) {
            handler.addCommand(new AuthAfterTls(auth));
        }
    }

    private static Command guarded(Command command) {
        return new RequireAuthCommandWrapper(new RequireTLSCommandWrapper(command));
    }

    /** The transaction of the session, or null when no MAIL was accepted yet. */
    static RelayTransaction transaction(Session session) {
        return (RelayTransaction) session.getMessageHandler();
    }

    static void send(Session session, SmtpReply reply, RelayMetrics metrics) throws IOException {
        metrics.reply(reply.code());
        session.sendResponse(reply.render());
    }

    /** Credentials are never accepted over an unencrypted connection (RFC 4954 §4). */
    private static final class AuthAfterTls extends BaseCommand {
        private final Command wrapped;

        AuthAfterTls(Command wrapped) {
            super("AUTH", "Authenticate, after STARTTLS");
            this.wrapped = wrapped;
        }

        @Override
        public void execute(String commandString, Session session) throws IOException, DropConnectionException {
            if (!session.isTLSStarted()) {
                session.sendResponse("538 5.7.11 Encryption required for requested authentication mechanism");
                return;
            }
            wrapped.execute(commandString, session);
        }
    }

    /** Tells whether the gateway is draining for shutdown. */
    interface Draining extends BooleanSupplier {
    }
}
