package nl.lekwacht.message.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class MessageBudgetTest {

    private static final long MB = 1024L * 1024;

    @Test
    void grantsTextUpToTheLimitAndThenNothing() {
        MessageBudget budget = new MessageBudget(10, MB, 100);

        assertThat(budget.takeChars(6)).isEqualTo(6);
        assertThat(budget.isExceeded()).isFalse();
        assertThat(budget.takeChars(6)).isEqualTo(4);
        assertThat(budget.isExceeded()).isTrue();
        assertThat(budget.takeChars(1)).isZero();
    }

    @Test
    void textBudgetStaysUsedUpForLaterAttachments() {
        MessageBudget budget = new MessageBudget(10, MB, 100);
        budget.takeChars(11);

        budget.startAttachment(100);

        assertThat(budget.isExceeded()).isFalse();
        assertThat(budget.takeChars(1)).isZero();
        assertThat(budget.isExceeded()).isTrue();
    }

    @Test
    void refusesDeclaredSizeOverTheCompressionRatio() {
        MessageBudget budget = new MessageBudget(MB, 1000 * MB, 100);
        budget.startAttachment(100 * 1024);

        assertThatThrownBy(() -> budget.declare(20 * MB)).isInstanceOf(MessageBudget.UnpackLimitException.class)
                .hasMessageContaining("compression ratio");
    }

    @Test
    void acceptsHighRatioBelowTheFloor() throws IOException {
        MessageBudget budget = new MessageBudget(MB, 1000 * MB, 100);
        budget.startAttachment(1024);

        budget.declare(ExtractionSettings.RATIO_FLOOR);

        assertThat(budget.isExceeded()).isFalse();
    }

    @Test
    void refusesDeclaredSizeOverTheUnpackedLimit() {
        MessageBudget budget = new MessageBudget(MB, 100 * MB, 100);
        budget.startAttachment(10 * MB);

        assertThatThrownBy(() -> budget.declare(200 * MB)).hasMessageContaining("unpacked size");
    }

    @Test
    void countsUnpackedBytesEvenWhenSkipped() throws IOException {
        MessageBudget budget = new MessageBudget(MB, 1000 * MB, 100);
        budget.startAttachment(1024);
        InputStream counted = budget.counting(new ByteArrayInputStream(new byte[(int) (11 * MB)]));

        counted.skip(5 * MB);

        assertThatThrownBy(() -> counted.transferTo(OutputStream.nullOutputStream()))
                .isInstanceOf(MessageBudget.UnpackLimitException.class).hasMessageContaining("compression ratio");
        assertThat(budget.isExceeded()).isTrue();
    }
}
