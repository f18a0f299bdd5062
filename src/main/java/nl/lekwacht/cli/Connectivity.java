package nl.lekwacht.cli;

import java.io.PrintStream;
import java.util.Optional;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.smtp.SmtpSide;
import nl.lekwacht.store.StoreSide;

/** {@code check-config --connect}: does the next hop greet us, does the store answer. */
final class Connectivity {

    private final LekwachtConfig config;

    Connectivity(LekwachtConfig config) {
        this.config = config;
    }

    /** Prints one line per check; true when both answered. */
    boolean check(PrintStream out) throws Exception {
        String hop = "downstream " + config.downstream().host() + ":" + config.downstream().port();
        boolean nextHop = report(out, hop, SmtpSide.probeNextHop(config));
        boolean store = report(out, "store", StoreSide.probe(config.store()));
        return nextHop && store;
    }

    private static boolean report(PrintStream out, String what, Optional<String> problem) {
        out.println("  " + what + ": " + problem.map(p -> "UNREACHABLE: " + p).orElse("answers"));
        return problem.isEmpty();
    }
}
