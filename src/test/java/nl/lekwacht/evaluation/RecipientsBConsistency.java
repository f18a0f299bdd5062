package nl.lekwacht.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Placeholder until the recipient organisation is generated. */
final class RecipientsBConsistency {

    private final Path dir;

    RecipientsBConsistency(Path dir) {
        this.dir = dir;
    }

    List<String> check() {
        return new ArrayList<>();
    }
}
