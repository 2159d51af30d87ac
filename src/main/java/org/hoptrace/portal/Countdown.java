package org.hoptrace.portal;

import java.time.Duration;
import java.time.Instant;

/** How long until a deadline, as a person reads it: "5 h 12 min left", "2 days 3 h left", "overdue by 40 min". */
final class Countdown {

    private Countdown() {
    }

    static String until(Instant deadline, Instant now) {
        if (deadline == null) {
            return "deadline not set yet";
        }
        Duration left = Duration.between(now, deadline);
        return left.isNegative() ? "overdue by " + readable(left.negated()) : readable(left) + " left";
    }

    private static String readable(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return days + (days == 1 ? " day " : " days ") + hours + " h";
        }
        return hours > 0 ? hours + " h " + minutes + " min" : Math.max(minutes, 1) + " min";
    }
}
