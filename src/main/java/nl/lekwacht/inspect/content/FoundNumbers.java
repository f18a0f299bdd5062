package nl.lekwacht.inspect.content;

import java.util.Arrays;
import nl.lekwacht.inspect.Severity;

/**
 * The BSNs found in a text or at a place, each with how sure it is, in the order they were first found.
 * Never printed: it holds full numbers. Used by one thread.
 */
final class FoundNumbers {

    private final IntOrderedSet values;
    private Severity[] severities;

    FoundNumbers(int expected) {
        this.values = new IntOrderedSet(expected);
        this.severities = new Severity[Math.max(4, expected)];
    }

    int size() {
        return values.size();
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    boolean contains(int value) {
        return values.contains(value);
    }

    int value(int index) {
        return values.get(index);
    }

    Severity severity(int index) {
        return severities[index];
    }

    /** Sets the severity of {@code value}; a new value goes to the end of the order. */
    void put(int value, Severity severity) {
        int index = values.add(value);
        severities = slot(index);
        severities[index] = severity;
    }

    void putIfAbsent(int value, Severity severity) {
        if (!values.contains(value)) {
            put(value, severity);
        }
    }

    /** Keeps the higher of {@code value}'s severity and {@code severity}. */
    void mergeMax(int value, Severity severity) {
        int index = values.indexOf(value);
        if (index < 0) {
            put(value, severity);
        } else if (!severities[index].atLeast(severity)) {
            severities[index] = severity;
        }
    }

    private Severity[] slot(int index) {
        return index < severities.length ? severities : Arrays.copyOf(severities, Math.max(index + 1, severities.length * 2));
    }
}
