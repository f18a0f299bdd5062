package nl.lekwacht.message.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which scans are enlarged before OCR, and at what resolution a scanned PDF is rendered. */
class ScanResolutionTest {

    @Test
    void aPdfWithoutAScanIsRenderedAtTheTarget() {
        assertThat(ScanResolution.renderDpi(0)).isEqualTo(300);
    }

    @Test
    void aLowResolutionPdfScanIsRenderedAtExactlyTwiceItsResolution() {
        assertThat(ScanResolution.renderDpi(85.01)).isEqualTo(170);
        assertThat(ScanResolution.renderDpi(149)).isEqualTo(298);
    }

    @Test
    void aFairPdfScanIsRenderedAtItsOwnResolutionAndAFineOneAtTheTarget() {
        assertThat(ScanResolution.renderDpi(150)).isEqualTo(150);
        assertThat(ScanResolution.renderDpi(200)).isEqualTo(200);
        assertThat(ScanResolution.renderDpi(600)).isEqualTo(300);
    }

    @Test
    void aPageScannedBelow150DpiIsEnlargedTwice() {
        assertThat(ScanResolution.upscale(702, 993, 12_000_000)).isEqualTo(2);
        assertThat(ScanResolution.upscale(993, 702, 12_000_000)).isEqualTo(2);
    }

    @Test
    void aPageScannedAt150DpiOrMoreIsReadAsItIs() {
        assertThat(ScanResolution.upscale(1240, 1754, 12_000_000)).isEqualTo(1);
        assertThat(ScanResolution.upscale(1654, 2339, 12_000_000)).isEqualTo(1);
    }

    @Test
    void aScreenshotOrBannerIsNotTakenForAPage() {
        assertThat(ScanResolution.upscale(1400, 600, 12_000_000)).isEqualTo(1);
        assertThat(ScanResolution.upscale(800, 800, 12_000_000)).isEqualTo(1);
    }

    @Test
    void anEnlargementPastTheMaximumPixelsIsNotMade() {
        assertThat(ScanResolution.upscale(702, 993, 702 * 993 * 4 - 1)).isEqualTo(1);
        assertThat(ScanResolution.upscale(702, 993, 702 * 993 * 4)).isEqualTo(2);
    }
}
