package nl.lekwacht.inspect.content;

import java.util.Arrays;

/**
 * A set of ints that keeps the order they were first added in, without boxing: the BSN detector files
 * every valid number of a text (tens of thousands in a sheet) by value, and boxed hash sets were most
 * of its cost. Open addressing with linear probing. Used by one thread.
 */
final class IntOrderedSet {

    private int[] values;
    /** Slots: index into {@link #values} plus one, 0 for empty. */
    private int[] slots;
    private int size;

    IntOrderedSet() {
        this(8);
    }

    IntOrderedSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        this.values = new int[Math.max(4, expected)];
        this.slots = new int[capacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The value added {@code index}-th. */
    int get(int index) {
        return values[index];
    }

    /** Where {@code value} stands in the order, or -1 when it is not in the set. */
    int indexOf(int value) {
        int mask = slots.length - 1;
        for (int s = spread(value) & mask; slots[s] != 0; s = (s + 1) & mask) {
            if (values[slots[s] - 1] == value) {
                return slots[s] - 1;
            }
        }
        return -1;
    }

    boolean contains(int value) {
        return indexOf(value) >= 0;
    }

    /** Adds {@code value} at the end unless present; returns its index in the order. */
    int add(int value) {
        int mask = slots.length - 1;
        int s = spread(value) & mask;
        for (; slots[s] != 0; s = (s + 1) & mask) {
            if (values[slots[s] - 1] == value) {
                return slots[s] - 1;
            }
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size] = value;
        slots[s] = ++size;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            int s = spread(values[i]) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = i + 1;
        }
    }

    private static int spread(int value) {
        int h = value * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
