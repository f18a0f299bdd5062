package nl.lekwacht.config.source;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every key read from one configuration with the value it got (the file's, or the default when the file
 * does not give it). Lets a test hold the shipped reference file to the defaults it claims to show.
 */
public final class ValuesRead {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> given = new LinkedHashSet<>();

    synchronized void record(String path, Object value, boolean inFile) {
        values.put(path, value);
        if (inFile) {
            given.add(path);
        } else {
            given.remove(path);
        }
    }

    /** The value of every key read so far, by its full path ({@code detectors.extraction.prestart}). */
    public synchronized Map<String, Object> values() {
        return new LinkedHashMap<>(values);
    }

    /** The keys read so far whose value came from the file. */
    public synchronized Set<String> given() {
        return new LinkedHashSet<>(given);
    }
}
