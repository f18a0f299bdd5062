package nl.lekwacht.store.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.login.LoginAttempts;
import nl.lekwacht.store.Database;
import nl.lekwacht.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login counter is taken in one atomic step, so parallel attempts, through one instance or
 * several sharing the store, never get more than the limit counted — on H2 and on PostgreSQL.
 */
class JdbcLoginAttemptsTest {

    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int LIMIT = 5;

    @TempDir
    Path dir;

    @Test
    void hundredParallelAttemptsCountExactlyTheLimitOnH2() throws Exception {
        try (Database db = h2()) {
            LoginAttempts attempts = new JdbcLoginAttempts(db.dataSource());
            assertThat(countInParallel(List.of(attempts), "login-user:fg", 100)).isEqualTo(LIMIT);
        }
    }

    @Test
    void hundredParallelAttemptsThroughTwoInstancesCountExactlyTheLimitOnPostgres() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(); Database one = schema.open(); Database two = schema.open()) {
            List<LoginAttempts> instances = List.of(new JdbcLoginAttempts(one.dataSource()),
                    new JdbcLoginAttempts(two.dataSource()));
            assertThat(countInParallel(instances, "login-user:fg", 100)).isEqualTo(LIMIT);
        }
    }

    @Test
    void underAtAndOverTheLimitWithANewWindowAndAGivenBackAttemptOnH2() {
        try (Database db = h2()) {
            limitAndWindow(new JdbcLoginAttempts(db.dataSource()), new JdbcLoginAttempts(db.dataSource()));
        }
    }

    @Test
    void underAtAndOverTheLimitWithANewWindowAndAGivenBackAttemptOnPostgres() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(); Database one = schema.open(); Database two = schema.open()) {
            limitAndWindow(new JdbcLoginAttempts(one.dataSource()), new JdbcLoginAttempts(two.dataSource()));
        }
    }

    private static void limitAndWindow(LoginAttempts one, LoginAttempts two) {
        for (int i = 0; i < LIMIT - 1; i++) {
            assertThat(one.tryCount("k", T0.plusSeconds(i), WINDOW, LIMIT)).as("attempt %d, under", i + 1).isTrue();
        }
        assertThat(two.tryCount("k", T0.plusSeconds(10), WINDOW, LIMIT)).as("at the limit").isTrue();
        assertThat(one.tryCount("k", T0.plusSeconds(11), WINDOW, LIMIT)).as("over").isFalse();
        assertThat(two.tryCount("other", T0.plusSeconds(11), WINDOW, LIMIT)).as("another key").isTrue();
        one.giveBack("k");
        assertThat(two.tryCount("k", T0.plusSeconds(12), WINDOW, LIMIT)).as("after giving one back").isTrue();
        assertThat(two.tryCount("k", T0.plusSeconds(13), WINDOW, LIMIT)).isFalse();
        assertThat(one.tryCount("k", T0.plus(WINDOW).minusSeconds(1), WINDOW, LIMIT)).as("window not over").isFalse();
        assertThat(one.tryCount("k", T0.plus(WINDOW), WINDOW, LIMIT)).as("window over: a new one starts").isTrue();
        assertThat(two.deleteStartedBefore(T0.plusSeconds(11))).as("only 'other' started before").isEqualTo(1);
        for (int i = 2; i <= LIMIT; i++) {
            assertThat(two.tryCount("k", T0.plus(WINDOW).plusSeconds(i), WINDOW, LIMIT)).isTrue();
        }
        assertThat(one.tryCount("k", T0.plus(WINDOW).plusSeconds(9), WINDOW, LIMIT)).isFalse();
    }

    /** Runs {@code n} attempts at once, spread over the instances; returns how many were counted. */
    private static int countInParallel(List<LoginAttempts> instances, String key, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                LoginAttempts attempts = instances.get(i % instances.size());
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return attempts.tryCount(key, T0, WINDOW, LIMIT);
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int counted = 0;
            for (Future<Boolean> result : results) {
                counted += result.get() ? 1 : 0;
            }
            return counted;
        } finally {
            pool.shutdownNow();
        }
    }

    private Database h2() {
        return Database.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("s").toAbsolutePath(), "", "", 8, 1));
    }
}
