package nl.lekwacht.store.history;

import java.nio.file.Path;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class H2HistoryStoreTest extends HistoryStoreContract {

    @TempDir
    Path dir;
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("lekwacht"), "", "", 4, 1));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    Database database() {
        return database;
    }
}
