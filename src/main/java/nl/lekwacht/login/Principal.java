package nl.lekwacht.login;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who made a request: a logged-in user (session cookie) or an API token holder.
 *
 * @param name     the user name, or the API token's name
 * @param roles    what they may do
 * @param viaToken true for {@code Authorization: Bearer}: such requests carry no cookie, so they need
 *                 no CSRF token
 */
public record Principal(String name, Set<Role> roles, boolean viaToken) {

    public Principal {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean hasAny(Collection<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
