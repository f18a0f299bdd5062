package nl.lekwacht.store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import nl.lekwacht.config.HoldConfig;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.history.HistoryStore;
import nl.lekwacht.hold.HoldStores;
import nl.lekwacht.intake.DocumentStore;
import nl.lekwacht.intake.ReportStore;
import nl.lekwacht.login.AccountDirectory;
import nl.lekwacht.login.SessionStore;
import nl.lekwacht.login.LoginAttempts;
import nl.lekwacht.login.ThrottleStore;
import nl.lekwacht.register.IncidentStore;
import nl.lekwacht.store.auth.JdbcAccounts;
import nl.lekwacht.store.auth.JdbcSessionStore;
import nl.lekwacht.store.auth.JdbcLoginAttempts;
import nl.lekwacht.store.history.JdbcHistoryStore;
import nl.lekwacht.store.hold.JdbcDeliveryJobs;
import nl.lekwacht.store.hold.JdbcHoldAudit;
import nl.lekwacht.store.hold.JdbcHolds;
import nl.lekwacht.store.hold.JdbcNearMisses;
import nl.lekwacht.store.hold.JdbcSealedContent;
import nl.lekwacht.store.intake.JdbcDocumentStore;
import nl.lekwacht.store.intake.JdbcReportStore;
import nl.lekwacht.store.register.JdbcIncidentStore;

/**
 * The store's entry: the migrated database and, over it, the JDBC implementation of each feature's
 * store interface. Every instance sharing the database sees the same rows.
 */
public final class StoreSide implements AutoCloseable {

    private final Database database;
    private final JdbcReportStore reports;

    private StoreSide(Database database) {
        this.database = database;
        this.reports = new JdbcReportStore(database.dataSource());
    }

    /** Opens the pool and applies pending migrations. */
    public static StoreSide open(StoreConfig config) {
        return new StoreSide(Database.open(config));
    }

    /**
     * Tries the store once without migrating or creating anything ({@code check-config --connect}).
     *
     * @return empty when it answers, else why not
     */
    public static java.util.Optional<String> probe(StoreConfig config) {
        return StoreProbe.probe(config);
    }

    public Database database() {
        return database;
    }

    /**
     * Records the fingerprints of the link secret and the content key, or checks them against those the
     * other instances on this store recorded: instances sharing a store must share these secrets (a
     * per-process random one, when none is configured, is not checked).
     *
     * @throws IllegalStateException when another instance uses a different secret
     */
    public void verifySharedSecrets(HoldConfig hold, Clock clock) {
        SecretFingerprints fingerprints = new SecretFingerprints(database.dataSource(), clock);
        if (!hold.linkSecret().isEmpty()) {
            fingerprints.verify("hold.link-secret", hold.linkSecret().getBytes(StandardCharsets.UTF_8));
        }
        if (!hold.encryptionKey().isEmpty()) {
            fingerprints.verify("hold.encryption-key", hold.encryptionKey().getBytes(StandardCharsets.UTF_8));
        }
    }

    public HistoryStore history() {
        return new JdbcHistoryStore(database.dataSource());
    }

    public HoldStores holds() {
        var dataSource = database.dataSource();
        return new HoldStores(new JdbcHolds(dataSource), new JdbcHoldAudit(dataSource), new JdbcSealedContent(dataSource),
                new JdbcDeliveryJobs(dataSource), new JdbcNearMisses(dataSource));
    }

    public IncidentStore incidents() {
        return new JdbcIncidentStore(database.dataSource());
    }

    /** The reports of the report forms. */
    public ReportStore reports() {
        return reports;
    }

    /** Counters of reports per client and confirmations per address. */
    public ThrottleStore reportCounters() {
        return reports;
    }

    public DocumentStore documents() {
        return new JdbcDocumentStore(database.dataSource());
    }

    public AccountDirectory accounts() {
        return new JdbcAccounts(database.dataSource());
    }

    public SessionStore sessions() {
        return new JdbcSessionStore(database.dataSource());
    }

    /** Counters of login attempts. */
    public LoginAttempts loginCounters() {
        return new JdbcLoginAttempts(database.dataSource());
    }

    @Override
    public void close() {
        database.close();
    }
}
