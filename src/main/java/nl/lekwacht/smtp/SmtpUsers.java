package nl.lekwacht.smtp;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.lekwacht.config.SmtpConfig;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.auth.UsernamePasswordValidator;

/** Checks SMTP AUTH credentials against the bcrypt hashes in {@code smtp.auth.users}. */
final class SmtpUsers implements UsernamePasswordValidator {

    private final List<SmtpConfig.User> users;

    SmtpUsers(List<SmtpConfig.User> users) {
        this.users = List.copyOf(users);
    }

    @Override
    public void login(String username, String password, MessageContext context) throws LoginFailedException {
        for (SmtpConfig.User user : users) {
            if (user.name().equals(username)) {
                BCrypt.Result result = BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                        user.passwordHash().getBytes(StandardCharsets.UTF_8));
                if (result.verified) {
                    return;
                }
            }
        }
        throw new LoginFailedException("535 5.7.8 Authentication credentials invalid");
    }
}
