package nl.lekwacht.store.hold;

import javax.sql.DataSource;
import nl.lekwacht.hold.SealedContent;
import nl.lekwacht.store.Jdbc;

/** Sealed chunks in table {@code sealed_content}, written with the hold or job they belong to. Thread-safe. */
public final class JdbcSealedContent implements SealedContent {

    private final Jdbc jdbc;

    public JdbcSealedContent(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource, "sealed content");
    }

    @Override
    public byte[] chunk(String contentId, int seq) {
        return jdbc.one("SELECT data FROM sealed_content WHERE content_id = ? AND seq = ?", rs -> rs.getBytes(1),
                contentId, seq).orElse(null);
    }
}
