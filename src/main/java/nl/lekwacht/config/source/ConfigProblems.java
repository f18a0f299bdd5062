package nl.lekwacht.config.source;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while reading one configuration, so all can be shown at once. */
public final class ConfigProblems {

    private final List<ConfigProblem> problems = new ArrayList<>();

    public synchronized void add(ConfigProblem problem) {
        problems.add(problem);
    }

    public synchronized List<ConfigProblem> all() {
        return List.copyOf(problems);
    }

    public synchronized boolean isEmpty() {
        return problems.isEmpty();
    }
}
