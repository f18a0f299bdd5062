package nl.lekwacht.web.register;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.lekwacht.login.Role;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.IncidentQueries;
import nl.lekwacht.register.figures.Figures;
import nl.lekwacht.register.figures.StartFigures;
import nl.lekwacht.text.Texts;
import nl.lekwacht.web.Pages;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.web.auth.Needs;

/**
 * {@code GET /register/start}, the privacy officer's start page (where they land after logging in): what
 * needs attention now (deadlines, unassessed reports, decisions waiting for an approver), the register by
 * status, and the last twelve months in charts drawn on the server, each with its table.
 */
public final class StartPage implements WebModule {

    /** The most deadlines listed; the rest are in the register's list. */
    static final int DEADLINES_SHOWN = 15;

    private final Figures figures;
    private final IncidentQueries queries;
    private final Pages pages;
    private final FigurePageParts parts;

    public StartPage(Figures figures, IncidentQueries queries, Pages pages, String language, ZoneId zone) {
        this.figures = figures;
        this.queries = queries;
        this.pages = pages;
        this.parts = new FigurePageParts(language, queries, zone);
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get("/register/start", this::show, Needs.any(Role.PRIVACY_OFFICER));
    }

    private void show(Context ctx) {
        Texts texts = parts.texts(ctx);
        StartFigures f = figures.start();
        FigureCharts charts = new FigureCharts(texts);
        List<ChartView> views = List.of(charts.byKind("chart-kind", f.incidentsByKind()),
                charts.bySource("chart-source", f.incidentsBySource()),
                charts.byFinding("chart-finding", f.nearMissesByFinding()),
                charts.byOutcome("chart-outcome", f.nearMissesByOutcome()),
                charts.byDepartment("chart-department", f.byDepartment()));
        Instant now = queries.now();
        List<Deadline> deadlines = f.attention().deadlines().stream().limit(DEADLINES_SHOWN)
                .map(i -> Deadline.of(i, now)).toList();
        pages.send(ctx, 200, "register/start.jte", parts.parameters(ctx, texts, "start", Map.of("f", f, "charts", views,
                "deadlines", deadlines, "moreDeadlines", f.attention().deadlines().size() - deadlines.size(),
                "from", charts.month(f.from(), false), "to", charts.month(f.to(), false))));
    }

    /**
     * An incident on the deadline list: overdue (said in words, not only in red) or the hours left.
     *
     * @param hours hours left, or hours past the deadline when overdue
     */
    public record Deadline(Incident incident, boolean overdue, long hours) {
        static Deadline of(Incident incident, Instant now) {
            Duration left = Duration.between(now, incident.deadline().orElse(now));
            return new Deadline(incident, left.isNegative(), Math.abs(left.toHours()));
        }
    }
}
