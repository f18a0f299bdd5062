package nl.lekwacht.inspect.recipients;

import java.net.IDN;
import java.util.Locale;

/**
 * A domain split into what people read: the name without its top-level domain ({@code zorgpartner}
 * of {@code zorgpartner.nl}) and a look-alike skeleton in which characters that are easily confused
 * ({@code rn}/{@code m}, {@code 0}/{@code o}, {@code 1}/{@code l}, Cyrillic {@code а}/{@code a}, ...)
 * are the same.
 */
final class DomainShape {

    private DomainShape() {
    }

    /** The domain without its last label: {@code zorgpartner.nl} gives {@code zorgpartner}. */
    static String withoutTld(String domain) {
        int dot = domain.lastIndexOf('.');
        return dot <= 0 ? domain : domain.substring(0, dot);
    }

    /** The look-alike skeleton of a whole domain (punycode decoded first). */
    static String skeleton(String domain) {
        String unicode;
        try {
            unicode = IDN.toUnicode(domain, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            unicode = domain;
        }
        StringBuilder s = new StringBuilder(unicode.length());
        String lower = unicode.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            s.append(confusable(lower.charAt(i)));
        }
        return s.toString().replace("rn", "m").replace("vv", "w").replace("cl", "d").replace("-", "");
    }

    private static char confusable(char c) {
        return switch (c) {
            case '0', 'о', 'ο' -> 'o';
            case '1', 'i', 'í', 'ì', 'ı', 'і', '|' -> 'l';
            case '5' -> 's';
            case 'а', 'α' -> 'a';
            case 'е', 'ε', 'é', 'è', 'ë' -> 'e';
            case 'р', 'ρ' -> 'p';
            case 'с' -> 'c';
            case 'х', 'χ' -> 'x';
            case 'у' -> 'y';
            case 'ѕ' -> 's';
            case 'ј' -> 'j';
            default -> c;
        };
    }
}
