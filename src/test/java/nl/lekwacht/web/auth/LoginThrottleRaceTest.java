package nl.lekwacht.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password guessing in parallel: the attempt is counted before the password is checked, so a burst
 * of requests for one account gets no more passwords checked than the limit, whatever the timing.
 */
class LoginThrottleRaceTest {

    private static final int REQUESTS = 100;
    private static final int RIGHT_ONE = 77;
    private static final int LIMIT = 5;

    @TempDir
    Path dir;

    @Test
    void hundredParallelLoginsForOneAccountGetAtMostTheLimitChecked() throws Exception {
        try (AuthHarness harness = new AuthHarness(dir, "http://localhost", List.of("127.0.0.0/8"), config -> { })) {
            // every request has its own login form (CSRF cookie and field), fetched beforehand
            List<AuthHarness.Client> clients = new ArrayList<>();
            List<String> csrf = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                AuthHarness.Client client = harness.client();
                clients.add(client);
                csrf.add(AuthHarness.hidden(client.get("/login").body(), "csrf"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
            List<Integer> statuses = new ArrayList<>();
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> responses = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    AuthHarness.Client client = clients.get(i);
                    Map<String, String> form = Map.of("csrf", csrf.get(i), "next", "/", "username", "fg",
                            "password", i == RIGHT_ONE ? AuthHarness.PASSWORD : "guess-" + i);
                    responses.add(pool.submit(() -> {
                        start.await();
                        return client.post("/login", form);
                    }));
                }
                start.countDown();
                for (Future<HttpResponse<String>> response : responses) {
                    statuses.add(response.get().statusCode());
                }
            } finally {
                pool.shutdownNow();
            }
            Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            System.out.println("parallel logins by status: " + byStatus);
            long checked = statuses.stream().filter(s -> s == 401 || s == 303).count();
            assertThat(checked).as("passwords checked").isLessThanOrEqualTo(LIMIT);
            assertThat(statuses).as("everything else throttled").isSubsetOf(401, 303, 429);
            assertThat(byStatus.getOrDefault(429, 0L)).isGreaterThanOrEqualTo(REQUESTS - LIMIT);
        }
    }
}
