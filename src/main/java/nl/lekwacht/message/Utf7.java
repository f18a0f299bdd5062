package nl.lekwacht.message;

/**
 * Decodes UTF-7 (RFC 2152), which the JDK does not: a mail client shows {@code +ADEAMgAz-} as
 * {@code 123}, so the detectors must read it so too. Direct characters stand for themselves; {@code +}
 * opens modified base64 of UTF-16, closed by any character outside base64 (a closing {@code -} is
 * dropped); {@code +-} is a plus sign. Lenient: an invalid byte ends the base64 run. Linear.
 */
final class Utf7 {

    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Utf7() {
    }

    static boolean isUtf7(String charset) {
        String name = charset.strip().toLowerCase(java.util.Locale.ROOT);
        return name.equals("utf-7") || name.equals("x-utf-7") || name.equals("unicode-1-1-utf-7")
                || name.equals("csunicode11utf7");
    }

    static String decode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b != '+') {
                out.append((char) b);
                i++;
                continue;
            }
            i++;
            if (i < bytes.length && bytes[i] == '-') {
                out.append('+');
                i++;
                continue;
            }
            int bits = 0;
            int bitCount = 0;
            while (i < bytes.length) {
                int value = BASE64.indexOf(bytes[i] & 0xFF);
                if (value < 0 || (bytes[i] & 0x80) != 0) {
                    break;
                }
                bits = (bits << 6) | value;
                bitCount += 6;
                if (bitCount >= 16) {
                    bitCount -= 16;
                    out.append((char) ((bits >> bitCount) & 0xFFFF));
                }
                i++;
            }
            if (i < bytes.length && bytes[i] == '-') {
                i++;
            }
        }
        return out.toString();
    }
}
