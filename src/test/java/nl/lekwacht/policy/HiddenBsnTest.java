package nl.lekwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Verdict;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.support.Bsns;
import org.junit.jupiter.api.Test;

/**
 * A BSN is found wherever a reader would see it: in the Subject, in an attachment's name, and in
 * text written so that a scanner would not see it (split by markup, as character references, with
 * invisible characters, in full-width digits, in UTF-7). Evidence and locations never repeat it.
 */
class HiddenBsnTest {

    private final ScreeningFixture screening = new ScreeningFixture();
    private final String bsn = Bsns.valid(31);

    @Test
    void holdsMessageWhenPlainSubjectHasBsn() {
        Screened screened = screening.screen(message("Dossier BSN " + bsn + " aanvraag", "text/plain", "Zie bijlage."));

        assertHeldWithBsnIn(screened, Finding.HEADER, "header:Subject");
    }

    @Test
    void holdsMessageWhenEncodedSubjectHasBsn() {
        String base64 = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(("Dossier BSN " + bsn)
                .getBytes(StandardCharsets.UTF_8)) + "?=";
        String quoted = "=?ISO-8859-1?Q?Dossier_BSN_" + bsn + "_aanvraag?=";

        assertHeldWithBsnIn(screening.screen(message(base64, "text/plain", "Hallo")), Finding.HEADER, "header:Subject");
        assertHeldWithBsnIn(screening.screen(message(quoted, "text/plain", "Hallo")), Finding.HEADER, "header:Subject");
    }

    @Test
    void holdsMessageWhenSubjectIsUtf7EncodedWithBsn() {
        String subject = "=?UTF-7?Q?Dossier_BSN_" + utf7(bsn) + "?=";
        Screened screened = screening.screen(message(subject, "text/plain", "Hallo"));

        assertThat(screened.message().headers().subject()).isEqualTo("Dossier BSN " + bsn);
        assertHeldWithBsnIn(screened, Finding.HEADER, "header:Subject");
    }

    @Test
    void holdsMessageWhenAttachmentNameHasBsnEncodedPerRfc2047() {
        String name = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(("bsn_" + bsn + ".pdf")
                .getBytes(StandardCharsets.UTF_8)) + "?=";
        Screened screened = screening.screen(withAttachment("Content-Disposition: attachment; filename=\"" + name + "\""));

        assertHeldWithBsnInFileName(screened);
    }

    @Test
    void holdsMessageWhenAttachmentNameHasBsnEncodedPerRfc2231() {
        Screened screened = screening.screen(withAttachment("Content-Disposition: attachment;\r\n"
                + " filename*0*=UTF-8''bsn%5F" + bsn.substring(0, 4) + ";\r\n filename*1*=" + bsn.substring(4) + "%2Epdf"));

        assertHeldWithBsnInFileName(screened);
    }

    @Test
    void holdsMessageWhenDigitsAreSplitByInlineMarkup() {
        String html = "<p>BSN: " + bsn.substring(0, 4) + "<span>" + bsn.substring(4) + "</span></p>";
        assertHeldWithBsnIn(screening.screen(message("x", "text/html; charset=utf-8", html)), "1", "body");
        String plain = "BSN: " + bsn.substring(0, 4) + "<span>" + bsn.substring(4) + "</span>";
        assertHeldWithBsnIn(screening.screen(message("x", "text/plain; charset=utf-8", plain)), "1", "body");
    }

    @Test
    void holdsMessageWhenDigitsAreSplitByAComment() {
        String html = "<p>BSN: " + bsn.substring(0, 4) + "<!-- x -->" + bsn.substring(4) + "</p>";
        assertHeldWithBsnIn(screening.screen(message("x", "text/html; charset=utf-8", html)), "1", "body");
        String plain = "BSN: " + bsn.substring(0, 4) + "<!-- x -->" + bsn.substring(4);
        assertHeldWithBsnIn(screening.screen(message("x", "text/plain; charset=utf-8", plain)), "1", "body");
    }

    @Test
    void holdsMessageWhenDigitsAreNumericEntitiesWithOrWithoutSemicolon() {
        StringBuilder without = new StringBuilder("BSN: ");
        StringBuilder with = new StringBuilder("BSN: ");
        for (char c : bsn.toCharArray()) {
            without.append("&#").append((int) c);
            with.append("&#x").append(Integer.toHexString(c)).append(';');
        }
        for (String text : List.of(without.toString(), with.toString())) {
            assertHeldWithBsnIn(screening.screen(message("x", "text/html; charset=utf-8", "<p>" + text + "</p>")), "1", "body");
            assertHeldWithBsnIn(screening.screen(message("x", "text/plain; charset=utf-8", text)), "1", "body");
        }
    }

    @Test
    void holdsMessageWhenZeroWidthCharactersSitBetweenDigits() {
        String hidden = String.join("\u200B", bsn.split("")) .replace("\u200B" + bsn.charAt(4), "\u00AD" + bsn.charAt(4));
        assertHeldWithBsnIn(screening.screen(message("x", "text/plain; charset=utf-8", "BSN: " + hidden)), "1", "body");
    }

    @Test
    void holdsMessageWhenDigitsAreFullWidth() {
        StringBuilder wide = new StringBuilder("ＢＳＮ： ");
        for (char c : bsn.toCharArray()) {
            wide.append((char) ('\uFF10' + (c - '0')));
        }
        assertHeldWithBsnIn(screening.screen(message("x", "text/plain; charset=utf-8", wide.toString())), "1", "body");
    }

    @Test
    void holdsMessageWhenBodyIsUtf7() {
        Screened screened = screening.screen(message("x", "text/plain; charset=utf-7", "BSN: " + utf7(bsn)));

        assertHeldWithBsnIn(screened, "1", "body");
    }

    /** {@code text} as one UTF-7 base64 run (RFC 2152): UTF-16 in base64 without padding, between + and -. */
    private static String utf7(String text) {
        return "+" + Base64.getEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_16BE))
                + "-";
    }

    private static String message(String subject, String type, String body) {
        return "From: <" + ScreeningFixture.SENDER + ">\r\nTo: <iemand@partner.example>\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: " + type + "\r\n\r\n" + body + "\r\n";
    }

    private static String withAttachment(String disposition) {
        return ScreeningFixture.headers("multipart/mixed; boundary=b")
                + "--b\r\nContent-Type: text/plain\r\n\r\nZie bijlage.\r\n"
                + "--b\r\nContent-Type: application/octet-stream\r\n" + disposition + "\r\n\r\nxyz\r\n"
                + "--b--\r\n";
    }

    private void assertHeldWithBsnIn(Screened screened, String part, String where) {
        assertThat(screened.verdict().action()).isEqualTo(Verdict.Action.HOLD);
        assertThat(screened.verdict().findings()).filteredOn(f -> f.code() == FindingCode.BSN)
                .anySatisfy(f -> {
                    assertThat(f.part()).isEqualTo(part);
                    assertThat(f.where()).isEqualTo(where);
                });
        assertNeverShown(screened);
    }

    private void assertHeldWithBsnInFileName(Screened screened) {
        assertThat(screened.verdict().action()).isEqualTo(Verdict.Action.HOLD);
        assertThat(screened.verdict().findings()).filteredOn(f -> f.code() == FindingCode.BSN)
                .anySatisfy(f -> {
                    assertThat(f.part()).isEqualTo("2");
                    assertThat(f.where()).startsWith("attachment:bsn_*****");
                });
        assertNeverShown(screened);
    }

    private void assertNeverShown(Screened screened) {
        for (Finding finding : screened.verdict().findings()) {
            assertThat(finding.where()).doesNotContain(bsn);
            assertThat(finding.evidence()).noneMatch(e -> e.contains(bsn));
            assertThat(finding.message()).doesNotContain(bsn);
        }
    }
}
