package nl.lekwacht.config.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A section of the YAML configuration, read with defaults. Every bad value is recorded as a
 * {@link ConfigProblem} naming its key and line, and the default is returned instead, so one pass
 * reports every problem at once. Strings may refer to environment variables as {@code ${NAME}} or
 * {@code ${NAME:-default}}, so that secrets stay out of the file.
 */
public final class ConfigNode {

    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final JsonNode node;
    private final String path;
    private final Map<String, Integer> lines;
    private final Map<String, String> environment;
    private final ConfigProblems problems;
    private final ValuesRead valuesRead;

    ConfigNode(JsonNode node, String path, Map<String, Integer> lines, Map<String, String> environment,
               ConfigProblems problems, ValuesRead valuesRead) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
        this.lines = lines;
        this.environment = environment;
        this.problems = problems;
        this.valuesRead = valuesRead;
    }

    /** A node over nothing, for building defaults in tests and code. */
    public static ConfigNode empty() {
        return new ConfigNode(MissingNode.getInstance(), "", Map.of(), Map.of(), new ConfigProblems(), new ValuesRead());
    }

    public String path() {
        return path;
    }

    public ConfigProblems problems() {
        return problems;
    }

    /** The value every key of this configuration got so far, file or default (shared by all its nodes). */
    public ValuesRead valuesRead() {
        return valuesRead;
    }

    public boolean isPresent() {
        return !node.isMissingNode() && !node.isNull();
    }

    public boolean has(String key) {
        return child(key).isPresent();
    }

    public ConfigNode child(String key) {
        return new ConfigNode(node.path(key), join(key), lines, environment, problems, valuesRead);
    }

    /** Keys of this mapping, in file order. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        Iterator<String> names = node.fieldNames();
        names.forEachRemaining(keys::add);
        return keys;
    }

    /** Records a problem on this node (or on {@code key} below it). */
    public void problem(String key, String message) {
        String full = key == null || key.isEmpty() ? path : join(key);
        problems.add(new ConfigProblem(full.isEmpty() ? "(root)" : full, lines.getOrDefault(full, 0), message));
    }

    /** Reports every key of this mapping that is not in {@code known}: a typo silently ignored is a trap. */
    public void rejectUnknownKeys(Set<String> known) {
        if (!node.isObject()) {
            return;
        }
        for (String key : keys()) {
            if (!known.contains(key)) {
                problem(key, "unknown key (known here: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    public String string(String key, String defaultValue) {
        ConfigNode child = child(key);
        if (!child.isPresent()) {
            return remember(key, defaultValue, false);
        }
        if (!child.node.isValueNode()) {
            problem(key, "expected a single value");
            return defaultValue;
        }
        return remember(key, child.substitute(child.node.asText()), true);
    }

    public Optional<String> optionalString(String key) {
        String value = string(key, null);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public boolean bool(String key, boolean defaultValue) {
        return read(key, defaultValue, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + text + "'");
        });
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return read(key, defaultValue, text -> {
            long value;
            try {
                value = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number, got '" + text + "'");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max + ", got " + value);
            }
            return (int) value;
        });
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        return read(key, defaultValue, text -> {
            double value;
            try {
                value = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number, got '" + text + "'");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max + ", got " + text);
            }
            return value;
        });
    }

    /** A size such as {@code 50MB}; must be at least {@code min} bytes. */
    public long size(String key, long defaultValue, long min) {
        return read(key, defaultValue, text -> {
            long value = Units.size(text);
            if (value < min) {
                throw new IllegalArgumentException("must be at least " + Units.formatSize(min) + ", got '" + text + "'");
            }
            return value;
        });
    }

    /** A duration such as {@code 30s}; must be positive. */
    public Duration duration(String key, Duration defaultValue) {
        return read(key, defaultValue, text -> {
            Duration value = Units.duration(text);
            if (value.isZero()) {
                throw new IllegalArgumentException("must be longer than zero");
            }
            return value;
        });
    }

    public HostPort hostPort(String key, HostPort defaultValue) {
        return read(key, defaultValue, HostPort::parse);
    }

    /** An enum value written in any case, with {@code -} for {@code _}. */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
        return read(key, defaultValue, text -> parseEnum(type, text));
    }

    public static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        String normalised = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalised)) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new IllegalArgumentException("expected one of " + String.join(", ", allowed) + ", got '" + text + "'");
    }

    public List<String> strings(String key, List<String> defaultValue) {
        ConfigNode child = child(key);
        if (!child.isPresent()) {
            return remember(key, defaultValue, false);
        }
        if (child.node.isValueNode()) {
            String single = child.substitute(child.node.asText());
            return remember(key, single.isEmpty() ? List.of() : List.of(single), true);
        }
        if (!child.node.isArray()) {
            problem(key, "expected a list");
            return defaultValue;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < child.node.size(); i++) {
            JsonNode item = child.node.get(i);
            if (!item.isValueNode()) {
                child.problem("[" + i + "]", "expected a single value in the list");
                continue;
            }
            values.add(child.substitute(item.asText()));
        }
        return remember(key, List.copyOf(values), true);
    }

    public List<Cidr> networks(String key, List<Cidr> defaultValue) {
        if (!has(key)) {
            return remember(key, defaultValue, false);
        }
        List<Cidr> networks = new ArrayList<>();
        List<String> texts = strings(key, List.of());
        for (int i = 0; i < texts.size(); i++) {
            try {
                networks.add(Cidr.parse(texts.get(i)));
            } catch (IllegalArgumentException e) {
                problem(key + "[" + i + "]", e.getMessage());
            }
        }
        return remember(key, List.copyOf(networks), true);
    }

    /** The items of a list of mappings. */
    public List<ConfigNode> list(String key) {
        ConfigNode child = child(key);
        if (!child.isPresent()) {
            return List.of();
        }
        if (!child.node.isArray()) {
            problem(key, "expected a list");
            return List.of();
        }
        List<ConfigNode> items = new ArrayList<>();
        for (int i = 0; i < child.node.size(); i++) {
            items.add(new ConfigNode(child.node.get(i), child.path + "[" + i + "]", lines, environment, problems,
                    valuesRead));
        }
        return items;
    }

    private <T> T read(String key, T defaultValue, Function<String, T> parser) {
        String text = string(key, null);
        if (text == null) {
            return remember(key, defaultValue, false);
        }
        try {
            return remember(key, parser.apply(text), true);
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return defaultValue;
        }
    }

    private <T> T remember(String key, T value, boolean inFile) {
        valuesRead.record(join(key), value, inFile);
        return value;
    }

    private String substitute(String text) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        Matcher m = ENV.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.get(m.group(1));
            if (value == null || value.isEmpty()) {
                value = m.group(2) == null ? "" : m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String join(String key) {
        if (key.startsWith("[")) {
            return path + key;
        }
        return path.isEmpty() ? key : path + "." + key;
    }
}
