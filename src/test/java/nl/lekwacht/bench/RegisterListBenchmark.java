package nl.lekwacht.bench;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lekwacht.Gateway;
import nl.lekwacht.register.Field;
import nl.lekwacht.register.FigureSeed;
import nl.lekwacht.register.Origin;
import nl.lekwacht.register.Status;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.TestGateway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The register's list page with 10,000 incidents in the embedded H2 store: one logged-in request for the
 * first page, for a search and for a filter, through a real gateway and its HTTP server, the page rendered
 * whole. Sample mode, so JMH reports the median (p0.50) and p0.90. Target: under 300 ms a page (measured,
 * reported in the README, not asserted). The incidents are synthetic: every tenth awaits a decision, the
 * kinds, sources and subjects vary.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class RegisterListBenchmark {

    static final int INCIDENTS = 10_000;
    private static final String PASSWORD = "benchmark-wachtwoord";
    private static final String[] KINDS = {"WRONG_RECIPIENT", "VISIBLE_RECIPIENTS", "WRONG_ATTACHMENT", "LOST_DEVICE",
        "LETTER_WRONG_ADDRESS", "OTHER"};
    private static final Origin[] ORIGINS = {Origin.MONITOR, Origin.OVERRIDE, Origin.RESIDENT, Origin.STAFF,
        Origin.MANUAL};

    private Path data;
    private CapturingNextHop nextHop;
    private Gateway gateway;
    private HttpClient http;
    private String base;

    @Setup
    public void start() throws Exception {
        data = Files.createTempDirectory("lekwacht-bench-register");
        nextHop = new CapturingNextHop();
        String hash = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
        gateway = TestGateway.startGateway(data, nextHop.port(), "web:\n  listen: 127.0.0.1:0\n  users:\n"
                + "    - {name: fg, password-hash: \"" + hash + "\", roles: [privacy-officer]}\n");
        FigureSeed seed = new FigureSeed(gateway.database().dataSource());
        Instant now = Instant.now();
        for (int i = 0; i < INCIDENTS; i++) {
            Instant discovered = now.minus(Duration.ofHours(7L * i + 1));
            Status status = i % 10 == 0 ? Status.IN_PROGRESS : i % 10 == 1 ? Status.NEW : Status.CLOSED;
            Origin origin = ORIGINS[i % ORIGINS.length];
            seed.incident(status, origin, discovered, Map.of(Field.KIND, KINDS[i % KINDS.length], Field.SUMMARY,
                    "Incident " + i + ": gegevens van een inwoner bij de verkeerde ontvanger", Field.MEASURES_TAKEN,
                    "Ontvanger gevraagd het bericht te verwijderen"), origin.automatic()
                    ? Optional.of(FigureSeed.message("medewerker" + (i % 200) + "@gemeente.example", "Beschikking "
                    + i, "BSN", discovered)) : Optional.empty());
        }
        http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        base = "http://127.0.0.1:" + gateway.webPort();
        String login = get("/login");
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no login form");
        }
        String form = "csrf=" + URLEncoder.encode(csrf.group(1).replace("&#61;", "="), StandardCharsets.UTF_8)
                + "&next=&username=fg&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 303 || !get("/register").contains("10000 incident(en) gevonden")) {
            throw new IllegalStateException("not logged in or not seeded: " + r.statusCode());
        }
    }

    @TearDown
    public void stop() throws Exception {
        gateway.close();
        nextHop.close();
    }

    @Benchmark
    public int firstPage() throws Exception {
        return get("/register").length();
    }

    @Benchmark
    public int search() throws Exception {
        return get("/register?q=verkeerde+ontvanger+4711").length();
    }

    @Benchmark
    public int filtered() throws Exception {
        return get("/register?status=CLOSED&source=RESIDENT&kind=LOST_DEVICE&page=3").length();
    }

    @Benchmark
    public int startPage() throws Exception {
        return get("/register/start").length();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
        }
        return r.body();
    }
}
