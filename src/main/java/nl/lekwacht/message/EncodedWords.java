package nl.lekwacht.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words decoded one by one, for headers the MIME library gives up on because one
 * word names a charset the JDK lacks (UTF-7) or is malformed: each word is decoded on its own, an
 * undecodable one is kept as written. Linear (bounded word length).
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]{1,64})\\?([bBqQ])\\?([^?\\s]{0,2000})\\?=");
    private static final Pattern GAP = Pattern.compile("(\\?=)\\s+(=\\?)");

    private EncodedWords() {
    }

    static String decode(String header) {
        // white space between two encoded words is not part of the text (RFC 2047 6.2)
        String joined = GAP.matcher(header).replaceAll("$1$2");
        Matcher m = WORD.matcher(joined);
        StringBuilder out = new StringBuilder(joined.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(word(m.group(1), m.group(2), m.group(3), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String word(String charset, String encoding, String text, String asWritten) {
        byte[] bytes;
        try {
            bytes = encoding.equalsIgnoreCase("B") ? Base64.getMimeDecoder().decode(text) : quoted(text);
        } catch (IllegalArgumentException e) {
            return asWritten;
        }
        String name = charset.contains("*") ? charset.substring(0, charset.indexOf('*')) : charset;
        if (Utf7.isUtf7(name)) {
            return Utf7.decode(bytes);
        }
        try {
            return new String(bytes, Charset.forName(jakarta.mail.internet.MimeUtility.javaCharset(name)));
        } catch (IllegalArgumentException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static byte[] quoted(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
