package nl.lekwacht.register;

import nl.lekwacht.privacy.BsnMasking;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The AP form's answers of one incident, and which of them Lekwacht derived and nobody confirmed
 * yet. Immutable: every change returns a new value. Blank answers are absent.
 */
public record Answers(Map<Field, String> values, Set<Field> derived) {

    public Answers {
        EnumMap<Field, String> copy = new EnumMap<>(Field.class);
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                // free text (a summary, a sender's statement, a reason) never keeps a full BSN
                copy.put(k, k.type() == Field.Type.TEXT ? BsnMasking.mask(v.strip()) : v.strip());
            }
        });
        values = java.util.Collections.unmodifiableMap(copy);
        EnumSet<Field> marked = EnumSet.noneOf(Field.class);
        derived.stream().filter(copy::containsKey).forEach(marked::add);
        derived = java.util.Collections.unmodifiableSet(marked);
    }

    public static Answers empty() {
        return new Answers(Map.of(), Set.of());
    }

    public String get(Field field) {
        return values.getOrDefault(field, "");
    }

    public boolean isDerived(Field field) {
        return derived.contains(field);
    }

    /** This with {@code field} set by a person: no longer derived. */
    public Answers with(Field field, String value) {
        Map<Field, String> next = new EnumMap<>(Field.class);
        next.putAll(values);
        next.put(field, value);
        Set<Field> stillDerived = EnumSet.noneOf(Field.class);
        stillDerived.addAll(derived);
        stillDerived.remove(field);
        return new Answers(next, stillDerived);
    }

    /** This with {@code field} set by Lekwacht: marked derived. */
    public Answers withDerived(Field field, String value) {
        Map<Field, String> next = new EnumMap<>(Field.class);
        next.putAll(values);
        next.put(field, value);
        Set<Field> marked = EnumSet.noneOf(Field.class);
        marked.addAll(derived);
        marked.add(field);
        return new Answers(next, marked);
    }

    /** This with a derived answer confirmed as it stands. */
    public Answers confirmed(Field field) {
        Set<Field> stillDerived = EnumSet.noneOf(Field.class);
        stillDerived.addAll(derived);
        stillDerived.remove(field);
        return new Answers(values, stillDerived);
    }

    public Optional<Instant> instant(Field field) {
        String value = get(field);
        try {
            return value.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public OptionalInt number(Field field) {
        try {
            String value = get(field);
            return value.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The names in a MULTI field (or the one name of a CHOICE field). */
    public List<String> list(Field field) {
        String value = get(field);
        return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    public <E extends Enum<E>> Set<E> enums(Field field, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        for (String name : list(field)) {
            try {
                result.add(Enum.valueOf(type, name));
            } catch (IllegalArgumentException e) {
                // an unknown name (edited by hand in the store) is ignored, not fatal
            }
        }
        return result;
    }
}
