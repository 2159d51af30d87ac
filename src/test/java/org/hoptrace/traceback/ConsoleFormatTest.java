package org.hoptrace.traceback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PT5S          | 0 min 5 s left
            PT59M59S      | 59 min 59 s left
            PT1H          | 1 h 0 min 0 s left
            PT23H59M59S   | 23 h 59 min 59 s left
            PT24H1S       | 1 d 0 h 0 min 1 s left
            PT51H30M      | 2 d 3 h 30 min 0 s left
            PT-2H-3M      | overdue by 2 h 3 min 0 s
            PT-1S         | overdue by 0 min 1 s
            PT-49H        | overdue by 2 d 1 h 0 min 0 s
            """)
    void countdownsReadAsTimeLeftOrOverdue(Duration remaining, String text) {
        assertThat(ConsoleFormat.describe(remaining)).isEqualTo(text);
    }

    @Test
    void timesAreWrittenInUtcToTheSecond() {
        ConsoleFormat format = new ConsoleFormat(Instant.parse("2026-11-29T10:00:00Z"));

        assertThat(format.utc(Instant.parse("2026-11-20T15:04:05.678Z"))).isEqualTo("2026-11-20 15:04:05 UTC");
        assertThat(format.countdown(Instant.parse("2026-11-30T12:30:00Z"))).isEqualTo("1 d 2 h 30 min 0 s left");
        assertThat(format.utc(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-20T15:04:05Z       | 2026-11-20T15:04:05Z
            2026-11-20T10:04:05-05:00  | 2026-11-20T15:04:05Z
            2026-11-20T15:04:05.250Z   | 2026-11-20T15:04:05.250Z
            2026-11-20T15:04:05        | 2026-11-20T15:04:05Z
            2026-11-20T15:04           | 2026-11-20T15:04:00Z
            """)
    void callTimesWithoutAnOffsetAreUtc(String written, Instant expected) {
        assertThat(OpeningTraceback.parseUtc(written)).isEqualTo(expected);
    }

    @Test
    void callTimesThatAreNotIso8601AreNotTimes() {
        assertThat(OpeningTraceback.parseUtc("20/11/2026 15:04")).isNull();
        assertThat(OpeningTraceback.parseUtc("yesterday")).isNull();
    }
}
