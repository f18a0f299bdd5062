package nl.lekwacht.privacy;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's pattern layout with {@link BsnMasking} over each finished line, stack trace included, so
 * that no log line carries a full BSN whatever a library or an exception message put in it. Used by
 * every appender in the shipped logging configurations (the gateway's and the parser processes').
 */
public final class MaskingLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return BsnMasking.mask(super.doLayout(event));
    }
}
