package nl.lekwacht.history;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Values derived from one immutable snapshot, each computed once. Thread-safe. */
final class Memo<S> {

    private final Map<Derived<S, ?>, Object> values = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T get(Derived<S, T> derivation, S snapshot) {
        Object value = values.get(derivation);
        if (value == null) {
            value = values.computeIfAbsent(derivation, d -> derivation.build(snapshot));
        }
        return (T) value;
    }
}
