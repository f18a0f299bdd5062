package nl.lekwacht.login;

import java.util.Set;

/** A local user who can log in; {@code passwordHash} is bcrypt. */
public record Account(String name, String passwordHash, Set<Role> roles) {

    public Account {
        roles = Set.copyOf(roles);
    }
}
