package nl.lekwacht.inspect.content;

/**
 * A number written in one of the forms a BSN takes, found by {@link BsnScanner}.
 *
 * @param start first character in the text
 * @param end   one past the last character
 * @param value the nine-digit number (an eight-digit one read with a leading zero)
 * @param valid whether it passes the 11-proef
 */
record Candidate(int start, int end, int value, boolean valid) {

    /** Never the full number: a candidate may be a real BSN, and records end up in logs. */
    @Override
    public String toString() {
        return "Candidate[" + start + ".." + end + " " + BsnMask.mask(value) + (valid ? " valid" : "") + "]";
    }
}
