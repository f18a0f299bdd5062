package nl.lekwacht.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.support.SizedTmpfs;
import org.junit.jupiter.api.Test;

/**
 * An H2 store whose file system fills: the write that does not fit fails (so nothing is acknowledged
 * on it), and once there is room again the store answers without a restart, with every row committed
 * before the disk filled still there. Before the fix H2 closed the database on the failed write and
 * the pool kept handing out its dead connections until the gateway was restarted.
 */
class FullDiskTest {

    @Test
    void h2StoreAnswersAgainOnceTheFullFileSystemHasRoomAndKeepsWhatWasCommitted() throws Exception {
        try (SizedTmpfs disk = SizedTmpfs.mount(16);
             Database database = Database.open(new StoreConfig("jdbc:h2:file:" + disk.path().resolve("store"),
                     "", "", 4, 1))) {
            execute(database, "CREATE TABLE disk_probe (id INT PRIMARY KEY, payload VARCHAR(2000))");
            for (int i = 0; i < 20; i++) {
                insert(database, i);
            }
            disk.fill();
            assertThatThrownBy(() -> {
                for (int i = 20; i < 20_000; i++) {
                    insert(database, i);
                }
            }).as("a write on a full disk fails, so it is never acknowledged").isInstanceOf(SQLException.class);
            disk.free();

            SQLException last = null;
            boolean answered = false;
            // the first borrows may still meet a connection of the closed database; each is evicted
            for (int attempt = 0; attempt < 10 && !answered; attempt++) {
                try {
                    insert(database, 100_000 + attempt);
                    answered = true;
                } catch (SQLException e) {
                    last = e;
                }
            }
            assertThat(answered).as("the store answers again without a restart: " + last).isTrue();
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM disk_probe WHERE id < 20")) {
                rs.next();
                assertThat(rs.getInt(1)).as("rows committed before the disk filled").isEqualTo(20);
            }
        }
    }

    private static void insert(Database database, int id) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO disk_probe VALUES (?, ?)")) {
            s.setInt(1, id);
            s.setString(2, "x".repeat(1500));
            s.executeUpdate();
        }
    }

    private static void execute(Database database, String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
