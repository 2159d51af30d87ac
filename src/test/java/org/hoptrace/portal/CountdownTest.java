package org.hoptrace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CountdownTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    @Test
    void timeLeftIsInHoursAndMinutesOrDaysAndHours() {
        assertThat(Countdown.until(NOW.plus(Duration.ofMinutes(5 * 60 + 12)), NOW)).isEqualTo("5 h 12 min left");
        assertThat(Countdown.until(NOW.plus(Duration.ofHours(51)), NOW)).isEqualTo("2 days 3 h left");
        assertThat(Countdown.until(NOW.plus(Duration.ofHours(24)), NOW)).isEqualTo("1 day 0 h left");
        assertThat(Countdown.until(NOW.plusSeconds(20), NOW)).isEqualTo("1 min left");
    }

    @Test
    void aPassedDeadlineIsOverdue() {
        assertThat(Countdown.until(NOW.minus(Duration.ofMinutes(40)), NOW)).isEqualTo("overdue by 40 min");
    }

    @Test
    void aHopWithoutDeadlineSaysSo() {
        assertThat(Countdown.until(null, NOW)).isEqualTo("deadline not set yet");
    }
}
