package nl.lekwacht.login;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.lekwacht.config.WebConfig;

/** The accounts listed under {@code web.users}. */
public final class ConfigAccounts implements AccountDirectory {

    private final Map<String, Account> byName;

    public ConfigAccounts(List<WebConfig.User> users) {
        this.byName = users.stream()
                .map(u -> new Account(u.name(), u.passwordHash(), Role.parse(u.roles())))
                .collect(Collectors.toUnmodifiableMap(Account::name, Function.identity(), (a, b) -> a));
    }

    @Override
    public Optional<Account> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
