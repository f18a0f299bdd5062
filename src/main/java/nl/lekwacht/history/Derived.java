package nl.lekwacht.history;

/**
 * Something computed once from a history snapshot and kept with it, such as a detector's similarity
 * index. Snapshots are immutable, so the value is computed at most once per snapshot and shared by
 * every thread; identify a derivation by one long-lived instance (a {@code static final} constant).
 *
 * @param <S> the snapshot type
 * @param <T> the derived value
 */
@FunctionalInterface
public interface Derived<S, T> {

    /** Builds the value; must be pure, because it may run on any thread that first asks. */
    T build(S snapshot);
}
