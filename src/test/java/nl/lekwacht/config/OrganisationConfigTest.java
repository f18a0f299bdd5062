package nl.lekwacht.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who is internal is decided on one spelling of the domain, whatever spelling the address has. */
class OrganisationConfigTest {

    private final OrganisationConfig organisation = new OrganisationConfig(List.of("Gemeente.Example."),
            List.of("gmail.com"), List.of("zorgpartner.example"));

    @ParameterizedTest
    @ValueSource(strings = {"jan@gemeente.example", "jan@gemeente.example.", "jan@GEMEENTE.EXAMPLE.",
            "jan@burgerzaken.gemeente.example.", "\"jan@evil.example\"@gemeente.example",
            "jan@\uff47\uff45\uff4d\uff45\uff45\uff4e\uff54\uff45.example"})
    void recognisesAnInternalAddressHoweverTheDomainIsWritten(String address) {
        assertThat(organisation.isInternal(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jan@gemeente.example..", "jan@gemeente.example.evil", "jan@notgemeente.example",
            "gemeente.example@evil.example", "jan@[192.0.2.1]", "jan"})
    void doesNotTakeLookAlikesForInternal(String address) {
        assertThat(organisation.isInternal(address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GMAIL.COM", "gmail.com."})
    void comparesConsumerAndPartnerDomainsTheSameWay(String domain) {
        assertThat(organisation.isConsumerDomain(domain)).isTrue();
        assertThat(organisation.isTrustedPartner("ZorgPartner.Example.")).isTrue();
    }
}
