package nl.lekwacht.privacy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JSON object per line ({@code logging.format: json}) for log collectors: {@code time}, {@code level},
 * {@code logger}, {@code thread}, {@code message} and, with a throwable, {@code exception}. The lines of
 * {@code nl.lekwacht.messages} (one per SMTP transaction, {@code key=value} pairs) also carry each pair
 * as a field of its own, so a collector can count by {@code verdict} or {@code reply} without parsing.
 * Every text passes {@link LogMasking} first, as in the text format.
 */
public final class MaskingJsonLayout extends LayoutBase<ILoggingEvent> {

    /** The logger of the one line per transaction, whose message is {@code key=value} pairs. */
    static final String TRANSACTIONS = "nl.lekwacht.messages";
    private static final Pattern PAIR = Pattern.compile("([a-z_]+)=(\\S+)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String doLayout(ILoggingEvent event) {
        ObjectNode line = json.createObjectNode();
        line.put("time", TIME.format(Instant.ofEpochMilli(event.getTimeStamp()).atZone(ZoneId.systemDefault())));
        line.put("level", event.getLevel().toString());
        line.put("logger", event.getLoggerName());
        line.put("thread", LogMasking.mask(event.getThreadName()));
        String message = LogMasking.mask(event.getFormattedMessage());
        line.put("message", message);
        if (TRANSACTIONS.equals(event.getLoggerName()) && message != null) {
            Matcher pair = PAIR.matcher(message);
            while (pair.find()) {
                if (!line.has(pair.group(1))) {
                    line.put(pair.group(1), pair.group(2));
                }
            }
        }
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null) {
            line.put("exception", LogMasking.mask(ThrowableProxyUtil.asString(throwable)));
        }
        try {
            return json.writeValueAsString(line) + CoreConstants.LINE_SEPARATOR;
        } catch (JsonProcessingException e) {
            return "{\"level\":\"ERROR\",\"message\":\"log line could not be written as JSON\"}"
                    + CoreConstants.LINE_SEPARATOR;
        }
    }
}
