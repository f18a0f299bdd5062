package nl.lekwacht.web.auth;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import nl.lekwacht.login.Role;

/**
 * A role a route needs, as Javalin carries it: a route registered with {@code Needs.any(...)} answers
 * only to a principal holding one of the roles, and only on {@code web.admin-networks}.
 */
public record Needs(Role role) implements RouteRole {

    public static RouteRole[] any(Role... roles) {
        return Arrays.stream(roles).map(Needs::new).toArray(RouteRole[]::new);
    }
}
