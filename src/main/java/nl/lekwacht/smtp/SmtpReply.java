package nl.lekwacht.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One SMTP reply: a code and one or more lines of text. Replies of the next hop are parsed into this
 * form so they can be passed on to our client with their own code and enhanced status code.
 */
record SmtpReply(int code, List<String> lines) {

    private static final Pattern ENHANCED = Pattern.compile("^[245]\\.\\d{1,3}\\.\\d{1,3}\\b.*");

    public SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("not an SMTP reply code: " + code);
        }
        lines = List.copyOf(lines.isEmpty() ? List.of("") : lines);
    }

    public static SmtpReply of(int code, String text) {
        return new SmtpReply(code, List.of(text));
    }

    /**
     * Parses a reply as read from a server, e.g. {@code "250-first\n250 last\n"}.
     *
     * @return null when the text is not an SMTP reply
     */
    public static SmtpReply parse(String raw) {
        if (raw == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        int code = -1;
        for (String line : raw.split("\r?\n")) {
            if (line.length() < 3) {
                continue;
            }
            try {
                code = Integer.parseInt(line.substring(0, 3));
            } catch (NumberFormatException e) {
                return null;
            }
            texts.add(line.length() > 4 ? line.substring(4) : "");
        }
        if (code < 200 || code > 599) {
            return null;
        }
        return new SmtpReply(code, texts);
    }

    public boolean isPositive() {
        return code >= 200 && code < 300;
    }

    public boolean isTransient() {
        return code >= 400 && code < 500;
    }

    /** The enhanced status code (RFC 3463) the reply starts with, or empty. */
    public String enhancedCode() {
        String first = lines.get(0);
        if (!ENHANCED.matcher(first).matches()) {
            return "";
        }
        int space = first.indexOf(' ');
        return space < 0 ? first : first.substring(0, space);
    }

    /** The text of the first line after the enhanced status code. */
    public String firstText() {
        String first = lines.get(0);
        String enhanced = enhancedCode();
        return enhanced.isEmpty() ? first : first.substring(enhanced.length()).trim();
    }

    /**
     * This reply with our queue id put before its text (after the enhanced code), so that the sending
     * MTA's log ties its delivery to ours and to the next hop's.
     */
    public SmtpReply withQueueId(String queueId) {
        List<String> changed = new ArrayList<>(lines);
        String enhanced = enhancedCode();
        String prefix = enhanced.isEmpty() ? "" : enhanced + " ";
        changed.set(0, prefix + queueId + " " + firstText());
        return new SmtpReply(code, changed);
    }

    /** As SubEthaSMTP sends it: lines joined with CRLF, all but the last marked as continued. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.append("\r\n");
            }
            out.append(code).append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return code + " " + String.join(" / ", lines);
    }
}
