package nl.lekwacht.register;

import java.util.List;
import java.util.Set;

/**
 * Every route of the web side with who may use it, as the code registers them (WebSide and the
 * modules it installs). {@link EveryRouteIsGuardedTest} fails when the server answers a route that is
 * not here, so a new route gets its access checked before it lands.
 */
final class WebRoutes {

    /** Who may use a route. */
    enum Access {
        /** Anyone (liveness, readiness, the stylesheet, the login form, the resident's form). */
        PUBLIC,
        /** Anyone on {@code web.admin-networks}, no login (Prometheus scrapes). */
        ADMIN_NETWORK,
        /** The holder of a link token (confirm page, report link): a wrong token shows nothing. */
        LINK,
        /** A login with the staff or privacy-officer role (or a visit from a staff network, none here). */
        STAFF_FORM,
        /** Any login. */
        ANY_LOGIN,
        /** A login or API token with the mail-admin or privacy-officer role. */
        HOLD_ADMIN,
        /** A login or API token with the privacy-officer role. */
        PRIVACY_OFFICER
    }

    record Route(String method, String pattern, Access access) {
        String key() {
            return method + " " + pattern;
        }

        boolean isPost() {
            return method.equals("POST");
        }

        /** Which of the test users (fg: privacy officer, beheer: mail admin, medewerker: staff) may use it. */
        Set<String> users() {
            return switch (access) {
                case PRIVACY_OFFICER -> Set.of("fg");
                case HOLD_ADMIN -> Set.of("fg", "beheer");
                case STAFF_FORM -> Set.of("fg", "medewerker");
                default -> Set.of("fg", "beheer", "medewerker");
            };
        }

        /** The route with the walk's own holds, incidents, document and tokens filled in. */
        String path(WebWalk walk) {
            return pattern.replace("/h/{token}", "/h/" + walk.holdToken)
                    .replace("/r/{token}", "/r/" + walk.reportToken)
                    .replace("/admin/holds/{id}", "/admin/holds/" + walk.holdRef)
                    .replace("/register/{id}/melding", "/register/" + walk.reportIncident + "/melding")
                    .replace("/register/{id}", "/register/" + walk.incident)
                    .replace("/api/incidents/{id}", "/api/incidents/" + walk.incident)
                    .replace("{doc}", Long.toString(walk.document));
        }
    }

    static final List<Route> ALL = List.of(
            new Route("GET", "/healthz", Access.PUBLIC),
            new Route("GET", "/readyz", Access.PUBLIC),
            new Route("GET", "/metrics", Access.ADMIN_NETWORK),
            new Route("GET", "/static/lekwacht.css", Access.PUBLIC),
            new Route("GET", "/h/{token}", Access.LINK),
            new Route("POST", "/h/{token}", Access.LINK),
            new Route("GET", "/admin/holds", Access.HOLD_ADMIN),
            new Route("POST", "/admin/holds", Access.HOLD_ADMIN),
            new Route("GET", "/admin/holds/{id}", Access.HOLD_ADMIN),
            new Route("POST", "/admin/holds/{id}", Access.HOLD_ADMIN),
            new Route("GET", "/api/holds", Access.HOLD_ADMIN),
            new Route("GET", "/login", Access.PUBLIC),
            new Route("POST", "/login", Access.PUBLIC),
            new Route("POST", "/logout", Access.ANY_LOGIN),
            new Route("GET", "/register", Access.PRIVACY_OFFICER),
            new Route("GET", "/register/new", Access.PRIVACY_OFFICER),
            new Route("POST", "/register", Access.PRIVACY_OFFICER),
            new Route("GET", "/register/export.csv", Access.PRIVACY_OFFICER),
            new Route("GET", "/register/export.json", Access.PRIVACY_OFFICER),
            new Route("GET", "/register/{id}", Access.PRIVACY_OFFICER),
            new Route("POST", "/register/{id}", Access.PRIVACY_OFFICER),
            new Route("POST", "/register/{id}/status", Access.PRIVACY_OFFICER),
            new Route("GET", "/register/{id}/ap", Access.PRIVACY_OFFICER),
            new Route("GET", "/register/{id}/pdf", Access.PRIVACY_OFFICER),
            new Route("GET", "/api/incidents", Access.PRIVACY_OFFICER),
            new Route("GET", "/api/incidents/{id}", Access.PRIVACY_OFFICER),
            new Route("GET", "/r/{token}", Access.LINK),
            new Route("POST", "/r/{token}", Access.LINK),
            new Route("GET", "/melden", Access.PUBLIC),
            new Route("POST", "/melden", Access.PUBLIC),
            new Route("GET", "/melden/medewerker", Access.STAFF_FORM),
            new Route("POST", "/melden/medewerker", Access.STAFF_FORM),
            new Route("GET", "/register/{id}/documents", Access.PRIVACY_OFFICER),
            new Route("POST", "/register/{id}/documents", Access.PRIVACY_OFFICER),
            new Route("GET", "/register/{id}/documents/{doc}", Access.PRIVACY_OFFICER),
            new Route("GET", "/register/{id}/melding", Access.PRIVACY_OFFICER),
            new Route("GET", "/register/start", Access.PRIVACY_OFFICER),
            new Route("GET", "/register/jaaroverzicht", Access.PRIVACY_OFFICER),
            new Route("GET", "/register/jaaroverzicht.pdf", Access.PRIVACY_OFFICER),
            new Route("GET", "/register/{id}/brieven", Access.PRIVACY_OFFICER),
            new Route("POST", "/register/{id}/brieven", Access.PRIVACY_OFFICER),
            new Route("GET", "/register/{id}/koppelen", Access.PRIVACY_OFFICER),
            new Route("POST", "/register/{id}/koppelen", Access.PRIVACY_OFFICER),
            new Route("POST", "/register/{id}/ontkoppelen", Access.PRIVACY_OFFICER));

    private WebRoutes() {
    }

    static List<Route> withRoles() {
        return ALL.stream().filter(r -> r.access() == Access.PRIVACY_OFFICER || r.access() == Access.HOLD_ADMIN)
                .toList();
    }
}
