package nl.lekwacht.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.lekwacht.config.source.ConfigNode;
import nl.lekwacht.config.source.YamlSource;

/** Loads {@code lekwacht.yml}, substituting environment variables, into a {@link LekwachtConfig}. */
public final class ConfigLoader {

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** @throws IOException when the file cannot be read; every other problem is in the result */
    public LekwachtConfig load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public LekwachtConfig parse(String yaml) {
        ConfigNode root = YamlSource.parse(yaml, environment);
        return LekwachtConfig.read(root);
    }
}
