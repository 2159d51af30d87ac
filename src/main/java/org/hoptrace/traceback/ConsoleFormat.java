package org.hoptrace.traceback;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the traceback pages write times: UTC, to the second, and deadlines as a countdown from the
 * moment the page was rendered ({@code now}), which static/js/countdown.js then keeps running.
 */
public final class ConsoleFormat {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Instant now;

    ConsoleFormat(Instant now) {
        this.now = now;
    }

    /** The format for a page rendered at {@code now}; other features' pages use it too. */
    public static ConsoleFormat at(Instant now) {
        return new ConsoleFormat(now);
    }

    public Instant now() {
        return now;
    }

    public String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** "3 h 12 min 5 s left" or "overdue by 2 min 0 s"; the same words as countdown.js. */
    public String countdown(Instant deadline) {
        return deadline == null ? "" : describe(Duration.between(now, deadline));
    }

    static String describe(Duration remaining) {
        long seconds = Math.abs(remaining.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append(" d ");
        }
        if (days > 0 || hours > 0) {
            text.append(hours).append(" h ");
        }
        text.append(seconds % 3_600 / 60).append(" min ").append(seconds % 60).append(" s");
        return remaining.isNegative() ? "overdue by " + text : text + " left";
    }
}
