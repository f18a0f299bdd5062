package nl.lekwacht.history;

import java.net.IDN;
import java.util.Locale;

/**
 * The one spelling under which history stores and compares an address: trimmed, angle brackets
 * removed, lower case, the domain in ASCII (IDN to punycode) and the plus-tag dropped, so that
 * {@code Jan+dossier@Zorgpartner.NL} and {@code jan@zorgpartner.nl} are the same correspondent.
 * Pure functions; thread-safe.
 */
public final class AddressKey {

    private AddressKey() {
    }

    /**
     * @return the comparison key of {@code address}, or an empty string when it has no usable
     *         {@code local@domain} form
     */
    public static String of(String address) {
        if (address == null) {
            return "";
        }
        String a = address.trim();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1).trim();
        }
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1) {
            return "";
        }
        String local = a.substring(0, at).toLowerCase(Locale.ROOT);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        return local + "@" + asciiDomain(a.substring(at + 1));
    }

    /** The domain in lower-case ASCII; an internationalised name becomes its punycode form. */
    public static String asciiDomain(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (isAscii(d)) {
            // IDN.toASCII returns an ASCII name unchanged (or refuses it, and then d is kept too);
            // it is asked for every address of every message, so skip its copies
            return d;
        }
        try {
            return IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return d;
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Local part of a key (everything before the last {@code @}). */
    public static String localPart(String key) {
        int at = key.lastIndexOf('@');
        return at < 0 ? key : key.substring(0, at);
    }

    /** Domain of a key (everything after the last {@code @}), empty when there is none. */
    public static String domain(String key) {
        int at = key.lastIndexOf('@');
        return at < 0 ? "" : key.substring(at + 1);
    }
}
