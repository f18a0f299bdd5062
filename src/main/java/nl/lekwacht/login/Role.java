package nl.lekwacht.login;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what: the roles of accounts and API tokens. The web side guards its routes with them.
 */
public enum Role {
    PRIVACY_OFFICER("privacy-officer"),
    MAIL_ADMIN("mail-admin"),
    STAFF("staff");

    private final String configName;

    Role(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration and in the store, e.g. {@code privacy-officer}. */
    public String configName() {
        return configName;
    }

    public static Optional<Role> byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.configName.equals(wanted)).findFirst();
    }

    /** Known role names turned into roles; unknown ones (config validation reports them) are dropped. */
    public static Set<Role> parse(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> byName(n).ifPresent(roles::add));
        return roles;
    }

    /** Comma-separated names, for the store. */
    public static String join(Set<Role> roles) {
        return String.join(",", roles.stream().map(Role::configName).sorted().toList());
    }

    public static Set<Role> split(String joined) {
        return parse(Arrays.asList(joined.split(",")));
    }
}
