package nl.lekwacht.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A test that needs something of the machine (a program, root, a mount): skipped with the reason on a
 * developer's machine, but failed loudly under {@code CI=true} or {@code -Dlekwacht.test.requireTools=true},
 * so CI never passes by skipping.
 */
public final class Requirement {

    private Requirement() {
    }

    public static void require(boolean present, String what) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("lekwacht.test.requireTools")) {
            Assertions.fail(what + "; required under CI=true or lekwacht.test.requireTools");
        }
        Assumptions.abort(what + "; test skipped");
    }
}
