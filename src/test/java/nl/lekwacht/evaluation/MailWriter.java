package nl.lekwacht.evaluation;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Turns a {@link Draft} into the bytes a given mail client would send. Each client differs in the
 * things that matter to a parser: header encodings, body transfer encodings, multipart shape,
 * how file names are written.
 */
final class MailWriter {

    enum Client { OUTLOOK, THUNDERBIRD, IPHONE, GMAIL, ANDROID, CASE_SYSTEM }

    private final Random random;

    MailWriter(Random random) {
        this.random = random;
    }

    byte[] write(Draft d, Client client) {
        String style = switch (client) {
            case OUTLOOK -> "outlook";
            case THUNDERBIRD -> "thunderbird";
            case IPHONE -> "apple";
            case GMAIL -> "gmail";
            default -> "part";
        };
        boolean q = client == Client.THUNDERBIRD || client == Client.IPHONE || client == Client.CASE_SYSTEM;
        StringBuilder h = new StringBuilder();
        if (client == Client.OUTLOOK) {
            h.append("From: ").append(Mime.address(d.from.name(), d.from.address(), q)).append(Mime.CRLF);
            if (d.sender != null) {
                h.append("Sender: ").append(Mime.address(d.sender.name(), d.sender.address(), q)).append(Mime.CRLF);
            }
            header(h, "To", list(d.to, q));
            if (!d.cc.isEmpty()) {
                header(h, "CC", list(d.cc, q));
            }
            h.append("Subject: ").append(subject(d, false)).append(Mime.CRLF);
            h.append("Thread-Topic: ").append(Mime.headerText(stripPrefix(d.subject), false)).append(Mime.CRLF);
            h.append("Thread-Index: AQHb").append(token(28)).append("==").append(Mime.CRLF);
            h.append("Date: ").append(Mime.date(d.date, false)).append(Mime.CRLF);
            h.append("Message-ID: ").append(d.messageId).append(Mime.CRLF);
            threading(h, d);
            h.append("Accept-Language: nl-NL, en-US").append(Mime.CRLF);
            h.append("Content-Language: nl-NL").append(Mime.CRLF);
            h.append("X-MS-Has-Attach: ").append(d.parts.stream().anyMatch(p -> !p.inline()) ? "yes" : "")
                    .append(Mime.CRLF);
            h.append("X-MS-TNEF-Correlator: ").append(Mime.CRLF);
        } else {
            if (client == Client.THUNDERBIRD) {
                h.append("Message-ID: ").append(d.messageId).append(Mime.CRLF);
                h.append("Date: ").append(Mime.date(d.date, false)).append(Mime.CRLF);
                h.append("MIME-Version: 1.0").append(Mime.CRLF);
                h.append("User-Agent: Mozilla Thunderbird").append(Mime.CRLF);
                h.append("Content-Language: nl").append(Mime.CRLF);
                header(h, "To", list(d.to, q));
                if (!d.cc.isEmpty()) {
                    header(h, "Cc", list(d.cc, q));
                }
                h.append("From: ").append(Mime.address(d.from.name(), d.from.address(), q)).append(Mime.CRLF);
                h.append("Subject: ").append(subject(d, true)).append(Mime.CRLF);
                threading(h, d);
            } else {
                h.append("From: ").append(Mime.address(d.from.name(), d.from.address(), q)).append(Mime.CRLF);
                if (d.sender != null) {
                    h.append("Sender: ").append(d.sender.address()).append(Mime.CRLF);
                }
                h.append("Date: ").append(Mime.date(d.date, client == Client.CASE_SYSTEM)).append(Mime.CRLF);
                h.append("Subject: ").append(subject(d, q)).append(Mime.CRLF);
                header(h, "To", list(d.to, q));
                if (!d.cc.isEmpty()) {
                    header(h, "Cc", list(d.cc, q));
                }
                h.append("Message-Id: ").append(d.messageId).append(Mime.CRLF);
                threading(h, d);
                switch (client) {
                    case IPHONE -> h.append("Mime-Version: 1.0 (1.0)").append(Mime.CRLF)
                            .append("X-Mailer: iPhone Mail (21F90)").append(Mime.CRLF);
                    case ANDROID -> h.append("MIME-Version: 1.0").append(Mime.CRLF)
                            .append("X-Mailer: Samsung Email").append(Mime.CRLF);
                    case CASE_SYSTEM -> h.append("MIME-Version: 1.0").append(Mime.CRLF)
                            .append("X-Mailer: Zaakregistratie notificaties 4.2").append(Mime.CRLF)
                            .append("Auto-Submitted: auto-generated").append(Mime.CRLF);
                    default -> h.append("MIME-Version: 1.0").append(Mime.CRLF);
                }
            }
        }
        d.extraHeaders.forEach(x -> h.append(x).append(Mime.CRLF));
        if (client == Client.OUTLOOK) {
            h.append("MIME-Version: 1.0").append(Mime.CRLF);
        }
        String body = body(d, client, style);
        return (h + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void threading(StringBuilder h, Draft d) {
        if (d.inReplyTo != null) {
            h.append("In-Reply-To: ").append(d.inReplyTo).append(Mime.CRLF);
        }
        if (d.references != null) {
            h.append("References: ").append(d.references).append(Mime.CRLF);
        }
    }

    private static void header(StringBuilder h, String name, String value) {
        h.append(name).append(": ").append(value).append(Mime.CRLF);
    }

    private static String list(List<Draft.Person> people, boolean q) {
        return people.stream().map(p -> Mime.address(p.name(), p.address(), q))
                .collect(Collectors.joining("," + Mime.CRLF + "\t"));
    }

    private static String subject(Draft d, boolean q) {
        return d.rawSubject != null ? d.rawSubject : Mime.headerText(d.subject, q);
    }

    private static String stripPrefix(String subject) {
        return subject.replaceFirst("(?i)^((re|fw|fwd|antw|doorst|aw|wg)\\s*:\\s*)+", "");
    }

    private String token(int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** Everything after the top-level headers: Content-Type line(s), blank line, body. */
    private String body(Draft d, MailWriter.Client client, String style) {
        List<Draft.Part> attachments = d.parts.stream().filter(p -> !p.inline()).toList();
        List<Draft.Part> inline = d.parts.stream().filter(Draft.Part::inline).toList();
        String textual = textual(d, client, style, inline);
        if (attachments.isEmpty()) {
            return textual;
        }
        String b = Mime.boundary(random, style);
        StringBuilder out = new StringBuilder();
        out.append("Content-Type: multipart/mixed;").append(Mime.CRLF)
                .append("\tboundary=\"").append(b).append('"').append(Mime.CRLF).append(Mime.CRLF);
        if (client == Client.THUNDERBIRD) {
            out.append("This is a multi-part message in MIME format.").append(Mime.CRLF);
        }
        out.append("--").append(b).append(Mime.CRLF).append(textual);
        for (Draft.Part p : attachments) {
            out.append(Mime.CRLF).append("--").append(b).append(Mime.CRLF).append(part(p, client));
        }
        out.append(Mime.CRLF).append("--").append(b).append("--").append(Mime.CRLF);
        return out.toString();
    }

    private String textual(Draft d, Client client, String style, List<Draft.Part> inline) {
        Charset cs = client == Client.CASE_SYSTEM ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        String csName = client == Client.CASE_SYSTEM ? "iso-8859-1" : (client == Client.OUTLOOK ? "us-ascii" : "utf-8");
        if (client == Client.OUTLOOK && d.text != null && !Mime.ascii(d.text)) {
            csName = "utf-8";
        }
        String plain = null;
        if (d.text != null) {
            String te;
            String content;
            if (client == Client.THUNDERBIRD && Mime.ascii(d.text)) {
                te = "7bit";
                content = flowed(d.text);
            } else if (client == Client.THUNDERBIRD) {
                te = "8bit";
                content = new String(flowed(d.text).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            } else if (client == Client.ANDROID) {
                te = "base64";
                content = Mime.base64(d.text.replace("\n", "\r\n").getBytes(cs), 76);
            } else {
                te = "quoted-printable";
                content = new String(Mime.quotedPrintable(d.text, cs).getBytes(StandardCharsets.ISO_8859_1),
                        StandardCharsets.ISO_8859_1);
            }
            plain = "Content-Type: text/plain; charset=" + (client == Client.THUNDERBIRD ? "UTF-8; format=flowed" : "\"" + csName + "\"")
                    + Mime.CRLF + "Content-Transfer-Encoding: " + te + Mime.CRLF + Mime.CRLF + content;
        }
        String html = null;
        if (d.html != null) {
            String te = client == Client.IPHONE || client == Client.ANDROID ? "base64" : "quoted-printable";
            String content = te.equals("base64")
                    ? Mime.base64(d.html.getBytes(StandardCharsets.UTF_8), 76)
                    : Mime.quotedPrintable(d.html, StandardCharsets.UTF_8);
            html = "Content-Type: text/html; charset=\"utf-8\"" + Mime.CRLF
                    + "Content-Transfer-Encoding: " + te + Mime.CRLF + Mime.CRLF + content;
        }
        String alt;
        if (plain != null && html != null) {
            String b = Mime.boundary(random, style);
            alt = "Content-Type: multipart/alternative;" + Mime.CRLF + "\tboundary=\"" + b + "\"" + Mime.CRLF
                    + Mime.CRLF + "--" + b + Mime.CRLF + plain + Mime.CRLF + "--" + b + Mime.CRLF + html
                    + Mime.CRLF + "--" + b + "--" + Mime.CRLF;
        } else {
            alt = plain != null ? plain : html;
        }
        if (inline.isEmpty()) {
            return alt;
        }
        String b = Mime.boundary(random, style);
        StringBuilder out = new StringBuilder("Content-Type: multipart/related;" + Mime.CRLF + "\tboundary=\"" + b
                + "\";" + Mime.CRLF + "\ttype=\"" + (plain != null && html != null ? "multipart/alternative" : "text/html")
                + "\"" + Mime.CRLF + Mime.CRLF);
        out.append("--").append(b).append(Mime.CRLF).append(alt);
        for (Draft.Part p : inline) {
            out.append(Mime.CRLF).append("--").append(b).append(Mime.CRLF).append(part(p, client));
        }
        return out.append(Mime.CRLF).append("--").append(b).append("--").append(Mime.CRLF).toString();
    }

    /** format=flowed text as Thunderbird writes it: long lines wrapped at 72 with a trailing space. */
    private static String flowed(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            String rest = line;
            while (rest.length() > 72 && !rest.startsWith(">")) {
                int cut = rest.lastIndexOf(' ', 72);
                if (cut <= 0) {
                    break;
                }
                out.append(rest, 0, cut + 1).append(Mime.CRLF);
                rest = rest.substring(cut + 1);
            }
            out.append(rest).append(Mime.CRLF);
        }
        return out.toString();
    }

    private static String part(Draft.Part p, Client client) {
        String style = p.filenameStyle() != null ? p.filenameStyle()
                : switch (client) {
                    case OUTLOOK -> "2047";
                    case THUNDERBIRD, GMAIL -> "2231";
                    default -> "plain";
                };
        String name = p.filename();
        String nameParam;
        String fileParam;
        if (name == null) {
            nameParam = "";
            fileParam = "";
        } else if (style.equals("plain") || (Mime.ascii(name) && !style.equals("2231-split") && !style.equals("2231-force"))) {
            nameParam = ";" + Mime.CRLF + "\tname=\"" + name + "\"";
            fileParam = ";" + Mime.CRLF + "\tfilename=\"" + name + "\"";
        } else if (style.equals("2047")) {
            String enc = Mime.encodedWords(name, false, 40).replace(Mime.CRLF + " ", Mime.CRLF + "\t");
            nameParam = ";" + Mime.CRLF + "\tname=\"" + enc + "\"";
            fileParam = ";" + Mime.CRLF + "\tfilename=\"" + enc + "\"";
        } else {
            int piece = style.equals("2231-split") ? 28 : 0;
            nameParam = client == Client.THUNDERBIRD ? ";" + Mime.CRLF + "\tname=\"" + Mime.encodedWords(name, true, 40)
                    .replace(Mime.CRLF + " ", Mime.CRLF + "\t") + "\"" : "";
            fileParam = ";" + Mime.CRLF + "\t" + Mime.rfc2231("filename", name, piece);
        }
        String te = p.transfer() == null ? "base64" : p.transfer();
        String content;
        if (te.equals("base64")) {
            content = Mime.base64(p.bytes(), client == Client.OUTLOOK ? 76 : 72);
        } else if (te.equals("quoted-printable")) {
            content = Mime.quotedPrintable(new String(p.bytes(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } else {
            String s = new String(p.bytes(), StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", Mime.CRLF);
            content = s.endsWith(Mime.CRLF) ? s : s + Mime.CRLF;
        }
        StringBuilder out = new StringBuilder();
        out.append("Content-Type: ").append(p.contentType()).append(nameParam).append(Mime.CRLF);
        if (p.contentId() != null) {
            out.append("Content-ID: <").append(p.contentId()).append('>').append(Mime.CRLF);
        }
        if (name != null || !p.contentType().startsWith("message/")) {
            out.append("Content-Disposition: ").append(p.inline() ? "inline" : "attachment").append(fileParam);
            if (client == Client.OUTLOOK && !p.inline()) {
                out.append(";").append(Mime.CRLF).append("\tsize=").append(p.bytes().length);
            }
            out.append(Mime.CRLF);
        }
        if (client == Client.IPHONE || client == Client.ANDROID) {
            out.append("X-Attachment-Id: f_").append(Integer.toHexString(p.bytes().length * 31 + 7).toLowerCase(Locale.ROOT))
                    .append(Mime.CRLF);
        }
        out.append("Content-Transfer-Encoding: ").append(te).append(Mime.CRLF).append(Mime.CRLF).append(content);
        return out.toString();
    }
}
