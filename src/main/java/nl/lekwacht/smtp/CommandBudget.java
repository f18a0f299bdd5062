package nl.lekwacht.smtp;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandException;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.internal.server.HelpMessage;
import org.subethamail.smtp.server.Session;

/**
 * Closes a session that sends more than {@code smtp.max-commands-per-session} commands, so no client
 * can keep a session thread (and the next-hop connection behind it) busy with an endless stream of
 * commands until the session timeout; QUIT always passes. Wraps every verb in the command table;
 * lines with an unknown verb are answered by SubEthaSMTP itself and bounded only by the timeouts.
 */
final class CommandBudget implements Command {

    private static final Logger log = LoggerFactory.getLogger(CommandBudget.class);

    private final Command wrapped;
    private final int max;
    private final ClientAccess access;
    private final RelayMetrics metrics;

    private CommandBudget(Command wrapped, int max, ClientAccess access, RelayMetrics metrics) {
        this.wrapped = wrapped;
        this.max = max;
        this.access = access;
        this.metrics = metrics;
    }

    /** Wraps every command of {@code handler} but QUIT; call after all commands are installed. */
    static void install(CommandHandler handler, int max, ClientAccess access, RelayMetrics metrics) {
        for (String verb : java.util.List.copyOf(handler.getVerbs())) {
            if (!verb.equals("QUIT")) {
                handler.addCommand(new CommandBudget(handler.getCommand(verb), max, access, metrics));
            }
        }
    }

    @Override
    public void execute(String commandString, Session session) throws IOException, DropConnectionException {
        if (access.relaySession(session).countCommand() > max) {
            log.warn("closing session from {}: more than smtp.max-commands-per-session ({}) commands",
                    session.getRemoteAddress().getAddress().getHostAddress(), max);
            metrics.reply(421);
            throw new DropConnectionException(421, "4.7.0 Too many commands in one session, closing connection");
        }
        wrapped.execute(commandString, session);
    }

    @Override
    public HelpMessage getHelp() throws CommandException {
        return wrapped.getHelp();
    }

    @Override
    public String getName() {
        return wrapped.getName();
    }
}
