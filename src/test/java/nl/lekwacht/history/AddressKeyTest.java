package nl.lekwacht.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.IDN;
import org.junit.jupiter.api.Test;

class AddressKeyTest {

    @Test
    void anAsciiDomainIsLowerCasedWithoutItsTrailingDot() {
        assertThat(AddressKey.asciiDomain(" Gemeente.EXAMPLE. ")).isEqualTo("gemeente.example");
    }

    @Test
    void anAsciiDomainComesOutAsIdnWouldMakeIt() {
        for (String domain : new String[] {"partner.nl", "xn--bcher-kva.example", "a..b", "-x-.example",
                "l".repeat(64) + ".example", "under_score.example", ""}) {
            String idn;
            try {
                idn = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException refused) {
                idn = domain;
            }
            assertThat(AddressKey.asciiDomain(domain)).as(domain).isEqualTo(idn);
        }
    }

    @Test
    void anInternationalisedDomainBecomesItsPunycodeForm() {
        assertThat(AddressKey.asciiDomain("Bücher.Example")).isEqualTo("xn--bcher-kva.example");
        assertThat(AddressKey.of("Jan@Bücher.example")).isEqualTo("jan@xn--bcher-kva.example");
    }
}
