package nl.lekwacht.register;

import java.util.List;

/** A move the workflow does not allow now; {@link #problems} are text keys saying what is missing. */
public final class WorkflowException extends RuntimeException {

    private final List<String> problems;

    public WorkflowException(List<String> problems) {
        super("move not allowed: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
