package nl.lekwacht.inspect.content;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import nl.lekwacht.message.TextPart;

/**
 * What a content detector found, filed by place: one place per location and MIME part, except that all
 * body texts share one (the plain and HTML alternatives of a body say the same thing, and a number in
 * both is one number), which takes the part id of the first body text. Insertion order is kept. Used by
 * one thread.
 *
 * @param <V> what is collected at each place
 */
final class ByPlace<V> {

    /** A finding's location and part. */
    record Place(String where, String part) {
    }

    private final Map<String, Place> places = new LinkedHashMap<>();
    private final Map<String, V> values = new LinkedHashMap<>();

    /** The value collected at {@code text}'s place, made by {@code fresh} the first time. */
    V at(TextPart text, Supplier<V> fresh) {
        String key = text.isBody() ? TextPart.BODY : text.partId() + '\u0000' + text.where();
        places.putIfAbsent(key, new Place(text.where(), text.partId()));
        return values.computeIfAbsent(key, k -> fresh.get());
    }

    int size() {
        return values.size();
    }

    void forEach(BiConsumer<Place, V> action) {
        values.forEach((key, value) -> action.accept(places.get(key), value));
    }
}
