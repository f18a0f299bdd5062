package nl.lekwacht.web.intake;

import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import nl.lekwacht.web.Menu;
import nl.lekwacht.web.PageLanguage;
import nl.lekwacht.intake.Document;
import nl.lekwacht.intake.IncidentDocuments;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.IncidentRegister;
import nl.lekwacht.web.Pages;
import nl.lekwacht.text.Texts;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.login.Role;
import nl.lekwacht.web.auth.Needs;
import nl.lekwacht.web.auth.WebAuth;

/**
 * Documents on an incident, for privacy officers only (the guard answers 401 to anonymous requests
 * and 403 to other roles): {@code GET /register/{id}/documents} lists them with uploader and time and
 * has the upload form; {@code POST} adds one (multipart field {@code file}, the session's CSRF token
 * as field {@code csrf}); {@code GET /register/{id}/documents/{doc}} downloads it byte for byte, always
 * as an attachment.
 */
public final class DocumentPages implements WebModule {

    private final IncidentRegister register;
    private final IncidentDocuments documents;
    private final Pages pages;
    private final PageLanguage language;
    private final ZoneId zone;

    public DocumentPages(IncidentRegister register, IncidentDocuments documents, Pages pages, String defaultLanguage,
                         ZoneId zone) {
        this.register = register;
        this.documents = documents;
        this.pages = pages;
        // logged-in pages: the language the shared menu chose (cookie), unlike the public forms
        this.language = new PageLanguage(defaultLanguage, Language.BUNDLE);
        this.zone = zone;
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get("/register/{id}/documents", ctx -> list(ctx, 200, ""), Needs.any(Role.PRIVACY_OFFICER));
        config.routes.post("/register/{id}/documents", this::upload, Needs.any(Role.PRIVACY_OFFICER));
        config.routes.get("/register/{id}/documents/{doc}", this::download, Needs.any(Role.PRIVACY_OFFICER));
    }

    private void list(Context ctx, int status, String problem) {
        Incident incident = incident(ctx);
        Texts t = language.of(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("incident", incident);
        params.put("documents", documents.list(incident.id()));
        params.put("csrf", WebAuth.csrfToken(ctx));
        params.put("menu", Menu.of(WebAuth.principal(ctx), WebAuth.csrfToken(ctx), "register"));
        params.put("problem", problem);
        params.put("limit", limit(documents.maxBytes()));
        params.put("zone", zone);
        params.put("added", ctx.queryParam("added") != null);
        pages.send(ctx, status, "intake/documents.jte", params);
    }

    private void upload(Context ctx) throws IOException {
        Incident incident = incident(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            list(ctx, 400, "empty");
            return;
        }
        if (file.size() > documents.maxBytes()) {
            list(ctx, 413, "too-large");
            return;
        }
        byte[] content;
        try (InputStream in = file.content()) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, documents.maxBytes() + 1));
        }
        IncidentDocuments.Outcome outcome = documents.add(incident.id(), file.filename(), content,
                WebAuth.principal(ctx).name());
        if (outcome instanceof IncidentDocuments.Outcome.Refused refused) {
            list(ctx, refused.problem().equals("too-large") ? 413 : refused.problem().equals("type") ? 415 : 400,
                    refused.problem());
            return;
        }
        ctx.redirect("/register/" + incident.id() + "/documents?added=1", HttpStatus.SEE_OTHER);
    }

    private void download(Context ctx) {
        Incident incident = incident(ctx);
        long id = number(ctx.pathParam("doc"));
        Document document = documents.find(incident.id(), id).orElseThrow(() -> new NotFoundResponse("No such document"));
        byte[] content = documents.content(incident.id(), id).orElseThrow(() -> new NotFoundResponse("No such document"));
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"" + document.fileName().replaceAll("[^\\x20-\\x7e]|\\\\", "_")
                + "\"; filename*=UTF-8''" + URLEncoder.encode(document.fileName(), StandardCharsets.UTF_8)
                .replace("+", "%20"));
        ctx.contentType(document.contentType());
        ctx.result(content);
    }

    private Incident incident(Context ctx) {
        return register.queries().find(number(ctx.pathParam("id"))).orElseThrow(() -> new NotFoundResponse("No such incident"));
    }

    /** {@code 20 MB}, or {@code 64 KB} for limits under a megabyte. */
    static String limit(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : Math.max(1, bytes >> 10) + " KB";
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("not a number: " + text);
        }
    }
}
