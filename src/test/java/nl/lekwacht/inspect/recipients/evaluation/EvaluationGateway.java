package nl.lekwacht.inspect.recipients.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import nl.lekwacht.config.ConfigLoader;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Screener;
import nl.lekwacht.history.HistoryService;
import nl.lekwacht.history.SentMailImport;
import nl.lekwacht.inspect.InspectSide;
import nl.lekwacht.inspect.Inspector;
import nl.lekwacht.message.ContentExtractor;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.spool.Spool;
import nl.lekwacht.policy.Policy;
import nl.lekwacht.policy.PolicySide;
import nl.lekwacht.store.Database;
import nl.lekwacht.store.history.JdbcHistoryStore;
import nl.lekwacht.support.FakeTicker;

/**
 * The parts of a gateway an evaluation runs, as the commands wire them: a store of its own (an
 * in-memory H2 database, migrated by Flyway), {@code history import} into it ({@link SentMailImport}
 * over a {@link HistoryService} on the store), and the screening chain (parser, inspector with every
 * detector built from the configuration, policy) over a history service that reads the store as
 * {@code scan} would. Time is the evaluation's: {@code clock} for retention, a {@link FakeTicker} for
 * the caches, so a replay can let a simulated day pass.
 */
final class EvaluationGateway implements AutoCloseable {

    private final LekwachtConfig config;
    private final Database database;
    private final JdbcHistoryStore store;
    private final Clock clock;
    private final FakeTicker ticker = new FakeTicker();
    private HistoryService history;
    private Inspector inspector;
    private Screener screener;
    private Policy policy;

    /** @param organisation the YAML of the {@code organisation} section, indented as its keys */
    EvaluationGateway(String organisation, Instant now) {
        this.config = new ConfigLoader(java.util.Map.of()).parse("organisation:\n" + organisation
                + "\nstore:\n  url: jdbc:h2:mem:evaluation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1\n");
        if (!config.problems().isEmpty()) {
            throw new IllegalArgumentException("evaluation config: " + config.problems());
        }
        this.database = Database.open(config.store());
        this.store = new JdbcHistoryStore(database.dataSource());
        this.clock = Clock.fixed(now, ZoneOffset.UTC);
        reopen();
    }

    LekwachtConfig config() {
        return config;
    }

    /** What {@code history import --mbox FILE --sender ADDR} does, into this store. */
    SentMailImport.Result importMbox(Path mbox, String sender) throws IOException {
        HistoryService importing = new HistoryService(store, config.history(), config.organisation(), clock,
                new FakeTicker(), Runnable::run);
        return new SentMailImport(importing, new PrintStream(PrintStream.nullOutputStream()), clock).importMbox(mbox,
                sender);
    }

    /** A fresh history service on the store, as a newly started gateway (or {@code scan}) reads it. */
    void reopen() {
        history = new HistoryService(store, config.history(), config.organisation(), clock, ticker, Runnable::run);
        inspector = InspectSide.inspector(config, history);
        policy = new Policy(PolicySide.settings(config), config.organisation(), true);
        screener = PolicySide.screener(config, ContentExtractor.NONE, inspector, true);
    }

    /** Lets cache time pass, so the next look-ups reload from the store (what other instances learned). */
    void pass(Duration time) {
        ticker.advance(time);
    }

    HistoryService history() {
        return history;
    }

    Inspector inspector() {
        return inspector;
    }

    Policy policy() {
        return policy;
    }

    /** Parses, inspects and decides one message, as the relay and {@code scan} do. */
    Screened screen(Envelope envelope, byte[] message) {
        try (Spool spool = Spool.ofBytes(message)) {
            return screener.screen(envelope, spool);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
