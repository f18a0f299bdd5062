package nl.lekwacht.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The JDBC steps every store class needs, in one place: a unit of work in one transaction, single
 * statements, and the conversions of times (UTC {@code TIMESTAMP}, to the column's microseconds) and
 * texts. A failing statement becomes an {@link IllegalStateException} that names the store.
 */
public final class Jdbc {

    /** Work done on one connection, in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException, IOException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException, IOException;
    }

    private final DataSource dataSource;
    private final String store;

    /** @param store the store's name in error messages, e.g. {@code hold store} */
    public Jdbc(DataSource dataSource, String store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One statement on its own; returns the rows changed. */
    public int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The first row of a query, if any. */
    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = list(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** Every row of a query. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) {
        return inTransaction(c -> query(c, sql, mapper, args));
    }

    /** Every row of a query, on a connection already in use. */
    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... args)
            throws SQLException, IOException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        }
    }

    /** Binds {@code args} in order; an {@link Instant} is stored as a UTC timestamp. */
    public static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i] instanceof Instant at ? ts(at) : args[i]);
        }
    }

    /**
     * A UTC timestamp to the column's precision (microseconds), so that a time compared with itself is
     * never "later" after the database rounded it.
     */
    public static LocalDateTime ts(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** The instant of a UTC timestamp; null for null. */
    public static Instant instant(LocalDateTime ts) {
        return ts == null ? null : ts.toInstant(ZoneOffset.UTC);
    }

    /** The instant in a timestamp column; null for SQL NULL. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs.getObject(column, LocalDateTime.class));
    }

    /** At most {@code max} characters of {@code text}. */
    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** A list kept one item a line. */
    public static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private IllegalStateException failed(SQLException e) {
        return new IllegalStateException(store + ": " + e.getMessage(), e);
    }
}
