package nl.lekwacht.privacy;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's pattern layout with {@link LogMasking} over each finished line, stack trace included, so
 * that no log line carries a full BSN, an address's local part or a link token, whatever a library or
 * an exception message put in it. Used by every appender in the shipped logging configurations (the
 * gateway's and the parser processes').
 */
public final class MaskingLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return LogMasking.mask(super.doLayout(event));
    }
}
