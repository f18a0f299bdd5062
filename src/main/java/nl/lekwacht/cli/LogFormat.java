package nl.lekwacht.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import nl.lekwacht.config.LoggingConfig;
import nl.lekwacht.privacy.MaskingJsonLayout;
import org.slf4j.LoggerFactory;

/**
 * Puts {@code logging.format} on the console appender of the shipped logging configuration
 * ({@code STDOUT} in logback.xml): {@code text} keeps its masked pattern layout, {@code json} puts the
 * masked JSON layout in its place. Done once by {@code run}, right after the configuration is read.
 */
final class LogFormat {

    private LogFormat() {
    }

    /**
     * Switches the format; the returned handle puts the previous one back (for tests). Without the
     * shipped appender (a logging configuration of the admin's own) nothing changes.
     */
    @SuppressWarnings("unchecked")
    static AutoCloseable apply(LoggingConfig logging) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return () -> { };
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (!(root.getAppender("STDOUT") instanceof OutputStreamAppender<?> found)) {
            return () -> { };
        }
        OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>) found;
        Encoder<ILoggingEvent> previous = appender.getEncoder();
        if (logging.format() == LoggingConfig.Format.JSON) {
            MaskingJsonLayout layout = new MaskingJsonLayout();
            layout.setContext(context);
            layout.start();
            LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
            encoder.setContext(context);
            encoder.setLayout(layout);
            encoder.start();
            appender.setEncoder(encoder);
        }
        return () -> appender.setEncoder(previous);
    }
}
