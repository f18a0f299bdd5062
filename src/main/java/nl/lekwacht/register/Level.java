package nl.lekwacht.register;

/** Severity on four levels, as ENISA's method and the AP's form use them. */
public enum Level { LOW, MEDIUM, HIGH, VERY_HIGH }
