package nl.lekwacht.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The words of pages and mails in one language ({@code nl} or {@code en}), read from UTF-8
 * properties files on the class path: every bundle {@code <base>_<language>.properties} named at
 * construction, later bundles overriding earlier ones. Each part of the web side keeps its own bundle
 * (the layout's is {@link #LAYOUT}); a key missing in the language falls back to Dutch, then to the
 * key itself in brackets, so a gap shows on the page instead of failing it. Immutable, thread-safe.
 */
public final class Texts {

    /** The shared bundle: layout, generic errors. */
    public static final String LAYOUT = "nl/lekwacht/web/messages";
    public static final List<String> LANGUAGES = List.of("nl", "en");

    private final String language;
    private final Map<String, String> texts;

    private Texts(String language, Map<String, String> texts) {
        this.language = language;
        this.texts = Map.copyOf(texts);
    }

    /**
     * @param language {@code nl} or {@code en}
     * @param bundles  base names of properties files, e.g. {@code nl/lekwacht/web/hold/messages};
     *                 {@link #LAYOUT} is always read first
     * @throws IllegalArgumentException for an unknown language or a bundle missing in Dutch
     */
    public static Texts load(String language, String... bundles) {
        String lang = language.toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(lang)) {
            throw new IllegalArgumentException("unsupported language: " + language);
        }
        Map<String, String> texts = new HashMap<>();
        for (String bundle : withLayout(bundles)) {
            Map<String, String> dutch = read(bundle + "_nl.properties", true);
            texts.putAll(dutch);
            if (!lang.equals("nl")) {
                texts.putAll(read(bundle + "_" + lang + ".properties", false));
            }
        }
        return new Texts(lang, texts);
    }

    public String language() {
        return language;
    }

    /** The text for {@code key}, or {@code [key]} when it is missing. */
    public String get(String key) {
        String text = texts.get(key);
        return text == null ? "[" + key + "]" : text;
    }

    /** True when the bundles have {@code key}. */
    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** The text for {@code key} with {@link MessageFormat} arguments filled in ({@code {0}}, ...). */
    public String format(String key, Object... arguments) {
        String pattern = get(key).replace("'", "''");
        return new MessageFormat(pattern, locale()).format(arguments);
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    private static List<String> withLayout(String[] bundles) {
        List<String> all = new java.util.ArrayList<>();
        all.add(LAYOUT);
        for (String bundle : bundles) {
            if (!all.contains(bundle)) {
                all.add(bundle);
            }
        }
        return all;
    }

    private static Map<String, String> read(String resource, boolean required) {
        Map<String, String> result = new HashMap<>();
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                if (required) {
                    throw new IllegalArgumentException("missing text bundle " + resource);
                }
                return result;
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(k -> result.put(k, properties.getProperty(k)));
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read text bundle " + resource, e);
        }
    }
}
