package nl.lekwacht.web;

import java.util.List;
import java.util.Set;
import nl.lekwacht.login.Principal;
import nl.lekwacht.login.Role;

/**
 * The one header menu of every logged-in page (register, admin view of holds, documents): the
 * entries the user's roles reach, the one that is open marked, and the logout form's CSRF token.
 * The layout renders it ({@code menu.jte}); a page without a login passes none. Immutable.
 *
 * @param entries what the roles reach, in menu order
 * @param current the key of the open entry ({@code start}, {@code register}, ...), or empty
 * @param user    the logged-in user's name, shown beside the logout button
 * @param csrf    the session's CSRF token for the logout form
 */
public record Menu(List<Entry> entries, String current, String user, String csrf) {

    /** One link: its text key ({@code menu.<key>} in the shared bundle) and where it goes. */
    public record Entry(String key, String href) {
    }

    private static final List<Gate> GATES = List.of(
            new Gate(new Entry("start", "/register/start"), Set.of(Role.PRIVACY_OFFICER)),
            new Gate(new Entry("register", "/register"), Set.of(Role.PRIVACY_OFFICER)),
            new Gate(new Entry("year", "/register/jaaroverzicht"), Set.of(Role.PRIVACY_OFFICER)),
            new Gate(new Entry("holds", "/admin/holds"), Set.of(Role.MAIL_ADMIN, Role.PRIVACY_OFFICER)),
            new Gate(new Entry("report", "/melden/medewerker"), Set.of(Role.STAFF)));

    private record Gate(Entry entry, Set<Role> roles) {
    }

    public Menu {
        entries = List.copyOf(entries);
    }

    /** The menu for {@code principal}, with {@code current} marked open. */
    public static Menu of(Principal principal, String csrf, String current) {
        List<Entry> reached = GATES.stream().filter(g -> principal.hasAny(g.roles())).map(Gate::entry).toList();
        return new Menu(reached, current, principal.name(), csrf);
    }

    public boolean isCurrent(Entry entry) {
        return entry.key().equals(current);
    }
}
