package nl.lekwacht.evaluation;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;

/** Hand-written MIME encodings, the way the different mail clients of the corpus write them. */
final class Mime {

    static final String CRLF = "\r\n";
    private static final DateTimeFormatter RFC5322 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter RFC5322_PADDED =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private Mime() {
    }

    static String date(ZonedDateTime t, boolean padded) {
        return (padded ? RFC5322_PADDED : RFC5322).format(t);
    }

    static boolean ascii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    /** Base64 in lines of 76 (or {@code width}) characters, each ended by CRLF. */
    static String base64(byte[] bytes, int width) {
        String all = Base64.getEncoder().encodeToString(bytes);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < all.length(); i += width) {
            b.append(all, i, Math.min(all.length(), i + width)).append(CRLF);
        }
        return b.toString();
    }

    /** Quoted-printable body (RFC 2045), soft line breaks at 76. */
    static String quotedPrintable(String text, Charset charset) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            byte[] bytes = lines[l].getBytes(charset);
            int col = 0;
            for (int i = 0; i < bytes.length; i++) {
                int c = bytes[i] & 0xff;
                boolean last = i == bytes.length - 1;
                String enc;
                if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last)) {
                    enc = String.valueOf((char) c);
                } else {
                    enc = String.format("=%02X", c);
                }
                if (col + enc.length() > 75) {
                    out.append('=').append(CRLF);
                    col = 0;
                }
                out.append(enc);
                col += enc.length();
            }
            if (l < lines.length - 1) {
                out.append(CRLF);
            }
        }
        return out.append(CRLF).toString();
    }

    /** One or more RFC 2047 encoded-words, folded; {@code q} chooses Q over B encoding. */
    static String encodedWords(String text, boolean q, int maxBytesPerWord) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            int bytes = 0;
            while (end < text.length()) {
                int cp = text.codePointAt(end);
                int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + n > maxBytesPerWord && end > start) {
                    break;
                }
                bytes += n;
                end += Character.charCount(cp);
            }
            String chunk = text.substring(start, end);
            if (out.length() > 0) {
                out.append(CRLF).append(' ');
            }
            out.append(q ? qWord(chunk) : "=?UTF-8?B?"
                    + Base64.getEncoder().encodeToString(chunk.getBytes(StandardCharsets.UTF_8)) + "?=");
            start = end;
        }
        return out.toString();
    }

    private static String qWord(String chunk) {
        StringBuilder b = new StringBuilder("=?utf-8?Q?");
        for (byte x : chunk.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c == ' ') {
                b.append('_');
            } else if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ',')) {
                b.append((char) c);
            } else {
                b.append(String.format("=%02X", c));
            }
        }
        return b.append("?=").toString();
    }

    /** A header value as a client writes it: plain when ASCII, otherwise encoded-words. */
    static String headerText(String text, boolean q) {
        return ascii(text) ? text : encodedWords(text, q, 45);
    }

    /** A display name plus address, quoting or encoding the name as needed. */
    static String address(String name, String addr, boolean q) {
        if (name == null || name.isBlank()) {
            return addr;
        }
        String n;
        if (!ascii(name)) {
            n = encodedWords(name, q, 60);
        } else if (name.matches("[A-Za-z0-9 .'-]*") && !name.contains(".")) {
            n = name;
        } else {
            n = "\"" + name.replace("\"", "\\\"") + "\"";
        }
        return n + " <" + addr + ">";
    }

    /** RFC 2231 extended parameter, in one piece or split into numbered continuations. */
    static String rfc2231(String param, String value, int pieceLength) {
        String enc = percent(value);
        if (pieceLength <= 0 || enc.length() <= pieceLength) {
            return param + "*=UTF-8''" + enc;
        }
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (int i = 0; i < enc.length(); n++) {
            int end = Math.min(enc.length(), i + pieceLength);
            // never split a %XX triplet
            while (end < enc.length() && end > i + 2 && (enc.charAt(end - 1) == '%' || enc.charAt(end - 2) == '%')) {
                end--;
            }
            if (n > 0) {
                b.append(';').append(CRLF).append('\t');
            }
            b.append(param).append('*').append(n).append("*=");
            if (n == 0) {
                b.append("UTF-8''");
            }
            b.append(enc, i, end);
            i = end;
        }
        return b.toString();
    }

    static String percent(String value) {
        StringBuilder b = new StringBuilder();
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
                b.append((char) c);
            } else {
                b.append(String.format("%%%02X", c));
            }
        }
        return b.toString();
    }

    static String boundary(Random random, String style) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            hex.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return switch (style) {
            case "outlook" -> "_000_" + hex.substring(0, 20).toUpperCase(Locale.ROOT) + "EXCHMB01_";
            case "thunderbird" -> "------------" + hex.substring(0, 24);
            case "apple" -> "Apple-Mail-" + hex.substring(0, 8).toUpperCase(Locale.ROOT) + "-"
                    + hex.substring(8, 12).toUpperCase(Locale.ROOT);
            case "gmail" -> "0000000000" + hex.substring(0, 16);
            default -> "=_Part_" + hex.substring(0, 12);
        };
    }
}
