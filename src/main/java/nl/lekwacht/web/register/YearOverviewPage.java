package nl.lekwacht.web.register;

import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.lekwacht.login.Role;
import nl.lekwacht.register.IncidentQueries;
import nl.lekwacht.register.figures.Figures;
import nl.lekwacht.register.figures.YearOverview;
import nl.lekwacht.text.Texts;
import nl.lekwacht.web.Pages;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.web.auth.Needs;
import nl.lekwacht.web.pdf.PdfRenderer;

/**
 * {@code GET /register/jaaroverzicht?jaar=2026}, the year overview for the privacy officer's annual report:
 * incidents and what became of them, the reasons not to report, people informed, the slips prevented, the
 * main causes and the trend, with the year's charts. Without {@code jaar}: the current year. The same as a
 * PDF at {@code /register/jaaroverzicht.pdf?jaar=2026} (or {@code ?format=pdf}).
 */
public final class YearOverviewPage implements WebModule {

    private final Figures figures;
    private final IncidentQueries queries;
    private final Pages pages;
    private final FigurePageParts parts;
    private final PdfRenderer renderer;

    public YearOverviewPage(Figures figures, IncidentQueries queries, Pages pages, PdfRenderer renderer,
                            String language, ZoneId zone) {
        this.renderer = renderer;
        this.figures = figures;
        this.queries = queries;
        this.pages = pages;
        this.parts = new FigurePageParts(language, queries, zone);
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get("/register/jaaroverzicht", this::show, Needs.any(Role.PRIVACY_OFFICER));
        config.routes.get("/register/jaaroverzicht.pdf", this::pdf, Needs.any(Role.PRIVACY_OFFICER));
    }

    private void show(Context ctx) {
        if ("pdf".equals(ctx.queryParam("format"))) {
            pdf(ctx);
            return;
        }
        Texts texts = parts.texts(ctx);
        int year = year(ctx, texts);
        pages.send(ctx, 200, "register/year.jte", parts.parameters(ctx, texts, "year", model(texts, year)));
    }

    /** The same overview as a PDF for the annual report: text that can be selected, the charts as vectors. */
    private void pdf(Context ctx) {
        Texts texts = parts.texts(ctx);
        int year = year(ctx, texts);
        Map<String, Object> params = new HashMap<>(model(texts, year));
        params.put("d", new Display(texts, parts.zone(), queries.now()));
        params.put("font", PdfRenderer.FONT);
        byte[] pdf = renderer.render(pages.render("register/yearpdf.jte", params),
                texts.format("figures.year.title", String.valueOf(year)));
        ctx.header("Content-Disposition", "attachment; filename=\"jaaroverzicht-datalekken-" + year + ".pdf\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/pdf").result(pdf);
    }

    /** The page's own parameters: the overview, its charts and the month it was drawn up. */
    Map<String, Object> model(Texts texts, int year) {
        YearOverview overview = figures.year(year);
        FigureCharts charts = new FigureCharts(texts);
        List<ChartView> views = List.of(charts.byKind("year-kind", overview.incidentsByKind()),
                charts.bySource("year-source", overview.incidentsBySource()),
                charts.byFinding("year-finding", overview.nearMissesByFinding()),
                charts.byOutcome("year-outcome", overview.nearMissesByOutcome()),
                charts.byDepartment("year-department", overview.byDepartment()));
        return Map.of("y", overview, "charts", views, "year", String.valueOf(year),
                "previous", String.valueOf(year - 1), "drawnUp", queries.now());
    }

    /** {@code jaar}, else the current year in the register's time zone. */
    int year(Context ctx, Texts texts) {
        String asked = ctx.queryParam("jaar");
        if (asked == null || asked.isBlank()) {
            return queries.now().atZone(parts.zone()).getYear();
        }
        try {
            int year = Integer.parseInt(asked.strip());
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestResponse(texts.get("figures.year.bad-year"));
    }
}
