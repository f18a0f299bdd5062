package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds dictionary terms in text, case-insensitively and on word boundaries, without regular
 * expressions: a term must start where a word starts and, unless it ends in {@code *} (a prefix such
 * as {@code factuur*} for factuurnummer, factuurnr.), end where a word ends. A space inside a term
 * matches any run of white space, so {@code persoonsgebonden nummer} also matches across a line break.
 *
 * <p>Immutable and thread-safe. Terms are indexed by their first three characters, so a scan costs one
 * table look-up per word start and tries only the few terms that can still match there.
 */
final class TermMatcher {

    /** One occurrence: where it starts and ends in the text, and which term (index into the list). */
    record Match(int start, int end, int term) {
    }

    private record Term(char[] chars, boolean prefix, int index) {
    }

    private final List<String> terms;
    private final Term[][] byFirstAscii = new Term[128][];
    private final Map<Character, Term[]> byFirstOther = new HashMap<>();
    /**
     * For an ASCII first character and an ASCII second one (both lower case), the terms of
     * {@link #byFirstAscii} that those two do not rule out, in the same order; null for none. Most word
     * starts of a Dutch text begin like some term ({@code de}, {@code van}, {@code met}); trying each term
     * of the first letter there was a fifth of the screening of a text attachment (issue 16).
     */
    private final Term[][][] byFirstTwoAscii = new Term[128][][];
    /**
     * The same by the first three characters ({@code [first][second][third]}): the words of a letter share
     * their first two letters with a term far more often than their first three ({@code gegevens},
     * {@code gevraagde} and {@code gezondheid}).
     */
    private final Term[][][][] byFirstThreeAscii = new Term[128][][][];

    TermMatcher(List<String> rawTerms) {
        List<String> normalised = new ArrayList<>();
        Map<Character, List<Term>> index = new HashMap<>();
        for (String raw : rawTerms) {
            String t = raw.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            boolean prefix = t.endsWith("*");
            if (prefix) {
                t = t.substring(0, t.length() - 1).strip();
            }
            if (t.isEmpty() || normalised.contains(t + (prefix ? "*" : ""))) {
                continue;
            }
            normalised.add(t + (prefix ? "*" : ""));
            Term term = new Term(t.toCharArray(), prefix, normalised.size() - 1);
            index.computeIfAbsent(t.charAt(0), k -> new ArrayList<>()).add(term);
        }
        this.terms = List.copyOf(normalised);
        index.forEach((first, list) -> {
            Term[] array = list.toArray(Term[]::new);
            if (first < 128) {
                byFirstAscii[first] = array;
                byFirstTwoAscii[first] = bySecond(array);
                byFirstThreeAscii[first] = new Term[128][][];
                for (int second = 0; second < 128; second++) {
                    Term[] possible = byFirstTwoAscii[first][second];
                    byFirstThreeAscii[first][second] = possible == null ? null : byThird(possible);
                }
            } else {
                byFirstOther.put(first, array);
            }
        });
    }

    /** The terms of {@code sameTwo} that a third character does not rule out, for each ASCII third character. */
    private static Term[][] byThird(Term[] sameTwo) {
        Term[][] table = new Term[128][];
        for (char third = 0; third < 128; third++) {
            List<Term> possible = new ArrayList<>();
            for (Term term : sameTwo) {
                char[] t = term.chars();
                // after a space the term's third character may meet more of the text's white space: kept
                if (t.length <= 2 || t[1] == ' ' || t[2] == third || (t[2] == ' ' && Character.isWhitespace(third))) {
                    possible.add(term);
                }
            }
            table[third] = possible.isEmpty() ? null : possible.toArray(Term[]::new);
        }
        return table;
    }

    private static Term[][] bySecond(Term[] sameFirst) {
        Term[][] table = new Term[128][];
        for (char second = 0; second < 128; second++) {
            List<Term> possible = new ArrayList<>();
            for (Term term : sameFirst) {
                char[] t = term.chars();
                if (t.length == 1 || t[1] == second || (t[1] == ' ' && Character.isWhitespace(second))) {
                    possible.add(term);
                }
            }
            table[second] = possible.isEmpty() ? null : possible.toArray(Term[]::new);
        }
        return table;
    }

    /** The terms as normalised (lower case, single spaces, prefix terms ending in {@code *}). */
    List<String> terms() {
        return terms;
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Every match that starts in {@code [from, to)}, in text order. */
    List<Match> findAll(CharSequence text, int from, int to) {
        List<Match> found = new ArrayList<>();
        int start = Math.max(0, from);
        int end = Math.min(text.length(), to);
        for (int i = start; i < end; i++) {
            if (i > 0 && isWordChar(text.charAt(i - 1))) {
                continue;
            }
            Term[] candidates = candidatesAt(text, i);
            if (candidates == null) {
                continue;
            }
            for (Term term : candidates) {
                int matchEnd = matchAt(text, i, term);
                if (matchEnd >= 0) {
                    found.add(new Match(i, matchEnd, term.index()));
                }
            }
        }
        return found;
    }

    /** True when any term starts in {@code [from, to)}. */
    boolean containsAny(CharSequence text, int from, int to) {
        int start = Math.max(0, from);
        int end = Math.min(text.length(), to);
        for (int i = start; i < end; i++) {
            if (matchesAt(text, i)) {
                return true;
            }
        }
        return false;
    }

    /** Where the last match that starts in {@code [from, to)} starts, or -1; searched from the end. */
    int lastStart(CharSequence text, int from, int to) {
        int start = Math.max(0, from);
        for (int i = Math.min(text.length(), to) - 1; i >= start; i--) {
            if (matchesAt(text, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchesAt(CharSequence text, int i) {
        if (i > 0 && isWordChar(text.charAt(i - 1))) {
            return false;
        }
        Term[] candidates = candidatesAt(text, i);
        if (candidates == null) {
            return false;
        }
        for (Term term : candidates) {
            if (matchAt(text, i, term) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The terms that may start at {@code i}: by the first three, or two, characters where they are ASCII. */
    private Term[] candidatesAt(CharSequence text, int i) {
        char first = lower(text.charAt(i));
        int n = text.length();
        if (first < 128 && i + 1 < n) {
            char second = text.charAt(i + 1);
            if (second < 128) {
                Term[][][] bySecond = byFirstThreeAscii[first];
                if (bySecond == null) {
                    return null;
                }
                char lowerSecond = lower(second);
                Term[][] byThird = bySecond[lowerSecond];
                if (byThird == null) {
                    return null;
                }
                if (i + 2 < n) {
                    char third = text.charAt(i + 2);
                    if (third < 128) {
                        return byThird[lower(third)];
                    }
                }
                return byFirstTwoAscii[first][lowerSecond];
            }
        }
        return candidatesFor(first);
    }

    private Term[] candidatesFor(char first) {
        return first < 128 ? byFirstAscii[first] : byFirstOther.get(first);
    }

    private static int matchAt(CharSequence text, int at, Term term) {
        char[] t = term.chars();
        int p = at;
        int n = text.length();
        for (int k = 0; k < t.length; k++) {
            if (t[k] == ' ') {
                if (p >= n || !Character.isWhitespace(text.charAt(p))) {
                    return -1;
                }
                while (p < n && Character.isWhitespace(text.charAt(p))) {
                    p++;
                }
                continue;
            }
            if (p >= n || lower(text.charAt(p)) != t[k]) {
                return -1;
            }
            p++;
        }
        if (!term.prefix() && p < n && isWordChar(text.charAt(p))) {
            return -1;
        }
        return p;
    }

    static char lower(char c) {
        if (c < 128) {
            return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        return Character.isLetterOrDigit(c);
    }
}
