package nl.lekwacht.config.source;

/**
 * One thing wrong with the configuration, named by its key so an admin can find it.
 *
 * @param key  dotted path, e.g. {@code smtp.max-message-size} or {@code web.api-tokens[0].token}
 * @param line line in the file where the key stands, 0 when unknown (a missing key)
 */
public record ConfigProblem(String key, int line, String message) {

    @Override
    public String toString() {
        return (line > 0 ? key + " (line " + line + ")" : key) + ": " + message;
    }
}
