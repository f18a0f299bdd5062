package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one envelope-address parser: what RFC 5321 calls a path is read exactly, and anything else is
 * refused rather than guessed at, since the next hop might guess differently.
 */
class SmtpPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "RCPT TO:<jan@gemeente.example>|jan@gemeente.example",
            "RCPT TO:<Jan.de.Vries@Gemeente.Example>|Jan.de.Vries@Gemeente.Example",
            "RCPT TO:<jan@gemeente.example.>|jan@gemeente.example",
            "RCPT to: <jan@gemeente.example>|jan@gemeente.example",
            "RCPT TO:<\"jan de vries\"@gemeente.example>|\"jan de vries\"@gemeente.example",
            "RCPT TO:<\"victim@evil.example>\"@gemeente.example>|\"victim@evil.example>\"@gemeente.example",
            "RCPT TO:<\"a\\\"b\"@x.example>|\"a\\\"b\"@x.example",
            "RCPT TO:<@relay.example,@hop.example:jan@x.example>|jan@x.example",
            "RCPT TO:<jan@[192.0.2.1]>|jan@[192.0.2.1]",
            "RCPT TO:<jan@[IPv6:2001:db8::1]>|jan@[IPv6:2001:db8::1]",
    })
    void readsMailboxesAsRfc5321WritesThem(String line, String address) throws Exception {
        SmtpPath path = SmtpPath.parse(line, "TO:");
        assertThat(path.address()).isEqualTo(address);
        assertThat(path.eightBit()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void readsEveryAtextCharacterInALocalPart() throws Exception {
        String local = "a!#$%&'*+-/=?^_`{|}~";
        assertThat(SmtpPath.parse("RCPT TO:<" + local + "@x-y.example>", "TO:").address())
                .isEqualTo(local + "@x-y.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "MAIL FROM:<>",
            "MAIL FROM:<> SIZE=100",
            "MAIL FROM:<alice@gemeente.example> SIZE=100 BODY=8BITMIME",
            "MAIL FROM: <alice@gemeente.example>  SIZE=100 ",
    })
    void readsTheNullPathAndParameters(String line) throws Exception {
        SmtpPath path = SmtpPath.parse(line, "FROM:");
        assertThat(path.address()).isIn("", "alice@gemeente.example");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "RCPT TO:victim@evil.example>@gemeente.example",
            "RCPT TO:jan@gemeente.example",
            "RCPT TO:<victim@evil.example>@gemeente.example>",
            "RCPT TO:<victim@evil.example>>",
            "RCPT TO:<jan@gemeente.example",
            "RCPT TO:<jan>",
            "RCPT TO:<jan@>",
            "RCPT TO:<@gemeente.example>",
            "RCPT TO:<jan@@gemeente.example>",
            "RCPT TO:<jan@evil.example@gemeente.example>",
            "RCPT TO:<.jan@gemeente.example>",
            "RCPT TO:<jan.@gemeente.example>",
            "RCPT TO:<j..an@gemeente.example>",
            "RCPT TO:<j an@gemeente.example>",
            "RCPT TO:<jan@gemeente..example>",
            "RCPT TO:<jan@gemeente.example..>",
            "RCPT TO:<jan@.gemeente.example>",
            "RCPT TO:<jan@-gemeente.example>",
            "RCPT TO:<jan@gemeente-.example>",
            "RCPT TO:<jan@gemeente_x.example>",
            "RCPT TO:<jan@gemeente.example:25>",
            "RCPT TO:<jan@[300.1.1.1]>",
            "RCPT TO:<jan@[192.0.2.1>",
            "RCPT TO:<jan@[IPv6:zz::1]>",
            "RCPT TO:<\"jan@gemeente.example>",
            "RCPT TO:<\"ja\u0001n\"@gemeente.example>",
            "RCPT TO:<ja\u0000n@gemeente.example>",
            "RCPT TO:<ja\tn@gemeente.example>",
            "RCPT TO:<jan\u200b@gemeente.example>",
            "RCPT TO:<jan@gemeente\uff0eexample>",
            "RCPT TO:<jan@gemeente\u3002example>",
            "RCPT TO:<@relay.example jan@x.example>",
            "RCPT TO:<@relay.example:>",
            "RCPT TO:<jan@gemeente.example>x",
            "RCPT TO:",
    })
    void refusesWhatIsNotAMailboxWith501(String line) {
        assertThatThrownBy(() -> SmtpPath.parse(line, "TO:"))
                .isInstanceOfSatisfying(MailParameters.Refused.class, e -> assertThat(e.reply().toString())
                        .matches("501 5\\.(1\\.3 Bad recipient address syntax|5\\.4 Syntax: RCPT TO:<address>)"));
    }

    @org.junit.jupiter.api.Test
    void refusesAnOverlongLabelDomainAndPath() {
        for (String address : new String[] {"jan@" + "a".repeat(64) + ".example",
                "jan@" + ("a".repeat(60) + ".").repeat(5) + "example", "j".repeat(250) + "@gemeente.example"}) {
            assertThatThrownBy(() -> SmtpPath.parse("RCPT TO:<" + address + ">", "TO:"))
                    .as(address).isInstanceOf(MailParameters.Refused.class);
        }
        assertThat(catching("RCPT TO:<jan@" + "a".repeat(63) + ".example>")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MAIL FROM:<a@b.example> SIZE==1", "MAIL FROM:<a@b.example> =1",
            "MAIL FROM:<a@b.example> SIZE=1\u00e9", "MAIL FROM:<a@b.example> -X"})
    void refusesBadParameterSyntax(String line) {
        assertThatThrownBy(() -> SmtpPath.parse(line, "FROM:"))
                .isInstanceOfSatisfying(MailParameters.Refused.class,
                        e -> assertThat(e.reply().toString()).isEqualTo("501 5.5.4 Bad parameter syntax"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RCPT TO:<j\u00f6rg@gemeente.example>", "RCPT TO:<jan@g\u00e9meente.example>",
            "RCPT TO:<\"j\u00f6rg\"@gemeente.example>", "RCPT TO:<\u7528\u6237@\u4f8b\u5b50.example>"})
    void marksNonAsciiAddressesForTheSmtpUtf8Check(String line) throws Exception {
        assertThat(SmtpPath.parse(line, "TO:").eightBit()).isTrue();
    }

    private static Exception catching(String line) {
        try {
            SmtpPath.parse(line, "TO:");
            return null;
        } catch (MailParameters.Refused e) {
            return e;
        }
    }
}
