package nl.lekwacht.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Words and numbers a PDF's layout broke over a line end are read whole; rows of a list stay rows. */
class LineJoinsTest {

    @Test
    void joinsANumberBrokenOverALineEnd() {
        assertThat(LineJoins.join("burgerservicenummer 708 945\n\n\n612 en u woont"))
                .isEqualTo("burgerservicenummer 708 945 612 en u woont");
        assertThat(LineJoins.join("nummer 123456\n782.")).isEqualTo("nummer 123456 782.");
    }

    @Test
    void joinsADashedNumberBrokenAfterItsDash() {
        assertThat(LineJoins.join("is 337-273-\n029; dit")).isEqualTo("is 337-273-029; dit");
    }

    @Test
    void joinsAHyphenatedWordAndKeepsTheHyphenOfANameBeforeACapital() {
        assertThat(LineJoins.join("het burgerservice-\nnummer is")).isEqualTo("het burgerservicenummer is");
        assertThat(LineJoins.join("Jan-\nWillem")).isEqualTo("Jan-Willem");
    }

    @Test
    void leavesRowsOfWholeNumbersAndOtherLinesAlone() {
        String rows = "123 456 782\n111 222 333\n";
        assertThat(LineJoins.join(rows)).isEqualTo(rows);
        String date = "Geboortedatum 12-09-1946\n4 kinderen";
        assertThat(LineJoins.join(date)).isEqualTo(date);
        String words = "Beste Gerrit,\nWij hebben";
        assertThat(LineJoins.join(words)).isEqualTo(words);
    }
}
