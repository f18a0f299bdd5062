package nl.lekwacht.store.auth;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import nl.lekwacht.store.Jdbc;
import nl.lekwacht.login.Account;
import nl.lekwacht.login.AccountDirectory;
import nl.lekwacht.login.Role;

/** Accounts in table {@code web_user}. */
public final class JdbcAccounts implements AccountDirectory {

    private final Jdbc jdbc;

    public JdbcAccounts(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource, "login store");
    }

    @Override
    public Optional<Account> find(String name) {
        return jdbc.one("SELECT * FROM web_user WHERE user_name = ?", rs -> new Account(rs.getString("user_name"),
                rs.getString("password_hash"), Role.split(rs.getString("roles"))), name);
    }

    /** Adds or replaces an account; {@code passwordHash} must be bcrypt. */
    public void save(Account account, Instant now) {
        jdbc.update("DELETE FROM web_user WHERE user_name = ?", account.name());
        jdbc.update("INSERT INTO web_user (user_name, password_hash, roles, created_at) VALUES (?, ?, ?, ?)",
                account.name(), account.passwordHash(), Role.join(account.roles()), now);
    }
}
