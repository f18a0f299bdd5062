package nl.lekwacht.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (the process serves), {@code /readyz} (store and next hop answer) and
 * {@code /metrics} (Prometheus, admin networks only). Readiness probes the next hop at most every few
 * seconds, so a busy load balancer does not flood it with connections.
 */
final class HealthRoutes implements WebModule {

    private static final Duration READY_CACHE = Duration.ofSeconds(5);

    private final BooleanSupplier storeReachable;
    private final BooleanSupplier nextHopReachable;
    private final BooleanSupplier draining;
    private final PrometheusMeterRegistry registry;
    private final NetworkGuard adminNetworks;
    private final Clock clock;
    private Instant checkedAt = Instant.EPOCH;
    private List<String> lastProblems = List.of();

    public HealthRoutes(BooleanSupplier storeReachable, BooleanSupplier nextHopReachable, BooleanSupplier draining,
                        PrometheusMeterRegistry registry, NetworkGuard adminNetworks, Clock clock) {
        this.storeReachable = storeReachable;
        this.nextHopReachable = nextHopReachable;
        this.draining = draining;
        this.registry = registry;
        this.adminNetworks = adminNetworks;
        this.clock = clock;
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok"));
        config.routes.get("/readyz", this::ready);
        config.routes.get("/metrics", ctx -> {
            adminNetworks.require(ctx);
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
        });
    }

    private void ready(Context ctx) {
        List<String> problems = problems();
        ctx.contentType("text/plain");
        if (problems.isEmpty()) {
            ctx.result("ready");
        } else {
            ctx.status(503).result("not ready: " + String.join("; ", problems));
        }
    }

    private synchronized List<String> problems() {
        Instant now = clock.instant();
        if (now.isBefore(checkedAt.plus(READY_CACHE))) {
            return lastProblems;
        }
        List<String> problems = new ArrayList<>();
        if (draining.getAsBoolean()) {
            problems.add("shutting down");
        }
        if (!storeReachable.getAsBoolean()) {
            problems.add("store unreachable");
        }
        if (!nextHopReachable.getAsBoolean()) {
            problems.add("next hop unreachable");
        }
        checkedAt = now;
        lastProblems = List.copyOf(problems);
        return lastProblems;
    }
}
