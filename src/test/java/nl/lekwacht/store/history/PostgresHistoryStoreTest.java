package nl.lekwacht.store.history;

import nl.lekwacht.support.PostgresSchema;

import nl.lekwacht.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresHistoryStoreTest extends HistoryStoreContract {

    private PostgresSchema schema;
    private Database database;

    @BeforeEach
    void open() {
        schema = PostgresSchema.create();
        database = schema.open();
    }

    @AfterEach
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    Database database() {
        return database;
    }
}
