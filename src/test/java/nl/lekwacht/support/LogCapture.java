package nl.lekwacht.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Everything logged while it is open, as the configured console appender writes it (its encoder, so
 * the masking layout included, stack traces included). Attach, act, read {@link #text()}, close.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final StringBuffer lines = new StringBuffer();
    private final Encoder<ILoggingEvent> encoder;
    private final Logger root;

    @SuppressWarnings("unchecked")
    private LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        encoder = ((OutputStreamAppender<ILoggingEvent>) root.getAppender("STDOUT")).getEncoder();
        setContext(context);
        setName("capture");
    }

    /** Starts capturing. */
    public static LogCapture open() {
        LogCapture capture = new LogCapture();
        capture.start();
        capture.root.addAppender(capture);
        return capture;
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.append(new String(encoder.encode(event), StandardCharsets.UTF_8));
    }

    /** What was logged so far. */
    public String text() {
        return lines.toString();
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
    }
}
