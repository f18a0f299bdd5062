package nl.lekwacht.cli;

import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.history.HistoryService;
import nl.lekwacht.history.HistoryView;
import nl.lekwacht.store.Database;
import nl.lekwacht.store.history.JdbcHistoryStore;

/**
 * Correspondence history read from the configured store, for the offline commands: {@code scan} uses
 * it when a store is configured and reachable, {@code history import} writes to it.
 */
final class StoreHistory implements AutoCloseable {

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

    /** History from the store, or none when the store cannot be opened (scan works offline too). */
    static StoreHistory openIfPresent(LekwachtConfig config) {
        try {
            return open(config);
        } catch (RuntimeException e) {
            System.err.println("note: no correspondence history (" + e.getMessage() + ")");
            return new StoreHistory(null, null);
        }
    }

    HistoryView view() {
        return service == null ? HistoryView.EMPTY : service;
    }

    HistoryService service() {
        return service;
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
    }
}
