package nl.lekwacht.config.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads YAML text into a {@link ConfigNode} tree, remembering the line of every key so problems can
 * point at it.
 */
public final class YamlSource {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    private YamlSource() {
    }

    /**
     * @param yaml        the file's text
     * @param environment where {@code ${NAME}} references are looked up (normally {@code System.getenv()})
     * @return the root node; a syntax error becomes a problem on it and an empty tree
     */
    public static ConfigNode parse(String yaml, Map<String, String> environment) {
        ConfigProblems problems = new ConfigProblems();
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root;
        try {
            root = MAPPER.readTree(yaml);
            if (root == null) {
                root = MissingNode.getInstance();
            } else if (!root.isObject() && !root.isMissingNode()) {
                problems.add(new ConfigProblem("(root)", 1, "the file must be a YAML mapping of sections"));
                root = MissingNode.getInstance();
            }
            recordLines(yaml, lines);
        } catch (IOException e) {
            int line = 0;
            String message = e.getMessage();
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe) {
                message = jpe.getOriginalMessage();
                if (jpe.getLocation() != null) {
                    line = jpe.getLocation().getLineNr();
                }
            }
            problems.add(new ConfigProblem("(syntax)", line, "not valid YAML: " + message));
            root = MissingNode.getInstance();
        }
        return new ConfigNode(root, "", Map.copyOf(lines), Map.copyOf(environment), problems, new ValuesRead());
    }

    private static void recordLines(String yaml, Map<String, Integer> lines) throws IOException {
        try (JsonParser parser = YAML.createParser(yaml)) {
            Deque<String> paths = new ArrayDeque<>();
            Deque<int[]> arrayIndexes = new ArrayDeque<>();
            paths.push("");
            String pendingField = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case FIELD_NAME -> {
                        pendingField = parser.currentName();
                        String base = paths.peek();
                        lines.put(base.isEmpty() ? pendingField : base + "." + pendingField,
                                parser.currentTokenLocation().getLineNr());
                    }
                    case START_OBJECT, START_ARRAY -> {
                        paths.push(childPath(paths.peek(), pendingField, arrayIndexes, token));
                        pendingField = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        paths.pop();
                        if (token == JsonToken.END_ARRAY) {
                            arrayIndexes.pop();
                        }
                    }
                    default -> {
                        if (pendingField == null && !arrayIndexes.isEmpty() && paths.peek().endsWith("]")) {
                            // scalar item of a list: advance the index
                            arrayIndexes.peek()[0]++;
                        }
                        pendingField = null;
                    }
                }
            }
        }
    }

    private static String childPath(String base, String field, Deque<int[]> arrayIndexes, JsonToken token) {
        String path;
        if (field != null) {
            path = base.isEmpty() ? field : base + "." + field;
        } else if (!arrayIndexes.isEmpty() && base.endsWith("]")) {
            int index = ++arrayIndexes.peek()[0];
            path = base.substring(0, base.lastIndexOf('[')) + "[" + index + "]";
        } else {
            path = base;
        }
        if (token == JsonToken.START_ARRAY) {
            arrayIndexes.push(new int[] {-1});
            return path + "[-1]";
        }
        return path;
    }
}
