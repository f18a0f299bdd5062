package nl.lekwacht.cli;

import java.sql.SQLException;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.history.HistoryService;
import nl.lekwacht.store.Database;
import nl.lekwacht.store.history.JdbcHistoryStore;

/** Correspondence history in the configured store, for {@code history import}. */
final class StoreHistory implements AutoCloseable {

    /** H2's "database may be already in use": another process has the file open. */
    private static final int H2_IN_USE = 90020;

    private final Database database;
    private final HistoryService service;

    private StoreHistory(Database database, HistoryService service) {
        this.database = database;
        this.service = service;
    }

    static StoreHistory open(LekwachtConfig config) {
        Database database = Database.open(config.store());
        return new StoreHistory(database, new HistoryService(new JdbcHistoryStore(database.dataSource()),
                config.history(), config.organisation()));
    }

    /** What to tell the admin when the store could not be opened; above all when a gateway holds the H2 file. */
    static String whyNotOpened(StoreConfig store, RuntimeException e) {
        if (store.isH2() && inUse(e)) {
            return "the store (" + store.url() + ") is in use by another process, most likely the running gateway: "
                    + "an H2 file store is opened by one process at a time. Stop the gateway first "
                    + "(systemctl stop lekwacht), import, and start it again; with PostgreSQL (store.url) the "
                    + "import runs while the gateway runs";
        }
        return "could not open the store: " + e.getMessage();
    }

    private static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_IN_USE
                    || String.valueOf(t.getMessage()).contains("already in use")) {
                return true;
            }
        }
        return false;
    }

    HistoryService service() {
        return service;
    }

    @Override
    public void close() {
        database.close();
    }
}
