package nl.lekwacht.message;

/**
 * An attachment's file name as text to inspect: underscores read as the spaces they stand for, and
 * the extension set apart, so that {@code bsn_123456782.pdf} reads as {@code bsn 123456782 pdf}, as a
 * person reads it, and not as one long word.
 */
final class FileNames {

    private FileNames() {
    }

    static String asText(String name) {
        String text = name.replace('_', ' ');
        int dot = text.lastIndexOf('.');
        if (dot > 0 && text.length() - dot <= 6) {
            text = text.substring(0, dot) + " " + text.substring(dot + 1);
        }
        return text;
    }
}
