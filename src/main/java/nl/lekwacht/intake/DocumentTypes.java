package nl.lekwacht.intake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of file a privacy officer may add to an incident: PDF, images (PNG, JPEG, GIF), office
 * documents (Word, Excel, PowerPoint, OpenDocument) and e-mail (.eml, Outlook .msg). A file must
 * have an allowed extension and start the way files of that kind start, so a renamed program is
 * refused. Returns the content type it is served with.
 */
final class DocumentTypes {

    private record Kind(String contentType, Magic magic) {
    }

    private enum Magic { PDF, PNG, JPEG, GIF, ZIP, OLE, MAIL }

    private static final Map<String, Kind> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", new Kind("application/pdf", Magic.PDF)),
            Map.entry("png", new Kind("image/png", Magic.PNG)),
            Map.entry("jpg", new Kind("image/jpeg", Magic.JPEG)),
            Map.entry("jpeg", new Kind("image/jpeg", Magic.JPEG)),
            Map.entry("gif", new Kind("image/gif", Magic.GIF)),
            Map.entry("docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    Magic.ZIP)),
            Map.entry("xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    Magic.ZIP)),
            Map.entry("pptx", new Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    Magic.ZIP)),
            Map.entry("odt", new Kind("application/vnd.oasis.opendocument.text", Magic.ZIP)),
            Map.entry("ods", new Kind("application/vnd.oasis.opendocument.spreadsheet", Magic.ZIP)),
            Map.entry("odp", new Kind("application/vnd.oasis.opendocument.presentation", Magic.ZIP)),
            Map.entry("doc", new Kind("application/msword", Magic.OLE)),
            Map.entry("xls", new Kind("application/vnd.ms-excel", Magic.OLE)),
            Map.entry("ppt", new Kind("application/vnd.ms-powerpoint", Magic.OLE)),
            Map.entry("msg", new Kind("application/vnd.ms-outlook", Magic.OLE)),
            Map.entry("eml", new Kind("message/rfc822", Magic.MAIL)));

    private DocumentTypes() {
    }

    /** The content type of an allowed file, or empty when its name or its first bytes are not allowed. */
    public static Optional<String> of(String fileName, byte[] content) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        Kind kind = BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (kind == null || !matches(kind.magic(), content)) {
            return Optional.empty();
        }
        return Optional.of(kind.contentType());
    }

    private static boolean matches(Magic magic, byte[] c) {
        return switch (magic) {
            case PDF -> starts(c, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case PNG -> starts(c, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            case JPEG -> starts(c, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            case GIF -> starts(c, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                    || starts(c, "GIF89a".getBytes(StandardCharsets.US_ASCII));
            case ZIP -> starts(c, new byte[] {'P', 'K', 3, 4});
            case OLE -> starts(c, new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1,
                    0x1a, (byte) 0xe1});
            case MAIL -> mailHeader(c);
        };
    }

    /** An e-mail starts with a header field: a name of printable characters, then a colon. */
    private static boolean mailHeader(byte[] c) {
        int i = 0;
        while (i < c.length && i < 80 && c[i] > 32 && c[i] < 127 && c[i] != ':') {
            i++;
        }
        return i > 0 && i < c.length && c[i] == ':';
    }

    private static boolean starts(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
