package nl.lekwacht.inspect;

/** How sure and how serious a finding is; policies may act only from a minimum severity. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
