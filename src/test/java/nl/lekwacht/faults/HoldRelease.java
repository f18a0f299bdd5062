package nl.lekwacht.faults;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Releases held messages as a mail admin does: the pending ones from {@code GET /api/holds}, sent as
 * they are with a reason through the bulk form {@code POST /admin/holds} (logged in, with the CSRF token).
 */
final class HoldRelease {

    private static final Pattern ID = Pattern.compile("\"id\":\"([A-Za-z0-9]+)\",\"status\":\"PENDING\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    private static final int BATCH = 100;

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private boolean loggedIn;

    HoldRelease(int webPort) {
        this.base = "http://127.0.0.1:" + webPort;
    }

    /** Releases every pending hold the API lists now; returns how many were released. */
    synchronized int releasePending() throws IOException, InterruptedException {
        List<String> ids = pending();
        int released = 0;
        for (int i = 0; i < ids.size(); i += BATCH) {
            released += release(ids.subList(i, Math.min(ids.size(), i + BATCH)));
        }
        return released;
    }

    /**
     * Releases until the API lists no pending hold (it lists at most a page at a time); a hold that
     * cannot be released stays listed, so this gives up after {@code rounds} rounds and says so.
     */
    synchronized int releaseAll(int rounds) throws IOException, InterruptedException {
        int total = 0;
        for (int round = 0; round < rounds; round++) {
            if (pending().isEmpty()) {
                return total;
            }
            total += releasePending();
        }
        throw new IOException("holds still pending after " + rounds + " release rounds: " + pending());
    }

    List<String> pending() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/holds"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + FaultGateway.TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET /api/holds answered " + r.statusCode());
        }
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(r.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private int release(List<String> ids) throws IOException, InterruptedException {
        if (!loggedIn) {
            login();
        }
        String csrf = csrf(get("/admin/holds"));
        List<String> fields = new ArrayList<>(List.of("csrf", csrf, "action", "send",
                "reason", "Vrijgegeven na de storingstest"));
        ids.forEach(id -> fields.addAll(List.of("id", id)));
        HttpResponse<String> r = post("/admin/holds", fields);
        if (r.statusCode() != 200 && r.statusCode() != 422) {
            loggedIn = false;
            throw new IOException("POST /admin/holds answered " + r.statusCode());
        }
        // 422: some were decided meanwhile (by an earlier round) or could not be; the list shows what is left
        return r.statusCode() == 200 ? ids.size() : 0;
    }

    private void login() throws IOException, InterruptedException {
        String page = get("/login");
        HttpResponse<String> r = post("/login", List.of("csrf", csrf(page), "next", "",
                "username", FaultGateway.ADMIN, "password", FaultGateway.PASSWORD));
        if (r.statusCode() != 303) {
            throw new IOException("login answered " + r.statusCode());
        }
        loggedIn = true;
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            loggedIn = false;
            throw new IOException("GET " + path + " answered " + r.statusCode());
        }
        return r.body();
    }

    private HttpResponse<String> post(String path, List<String> nameValues) throws IOException, InterruptedException {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < nameValues.size(); i += 2) {
            pairs.add(URLEncoder.encode(nameValues.get(i), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(nameValues.get(i + 1), StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(pairs.stream().collect(Collectors.joining("&")))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) throws IOException {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IOException("no CSRF field");
        }
        return m.group(1);
    }
}
