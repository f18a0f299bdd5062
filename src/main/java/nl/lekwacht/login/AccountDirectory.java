package nl.lekwacht.login;

import java.util.Optional;

/** Where local accounts come from: the configuration, the store, or both. Thread-safe. */
@FunctionalInterface
public interface AccountDirectory {

    Optional<Account> find(String name);

    /** This directory, then {@code other} for names this one does not know. */
    default AccountDirectory orElse(AccountDirectory other) {
        return name -> find(name).or(() -> other.find(name));
    }
}
