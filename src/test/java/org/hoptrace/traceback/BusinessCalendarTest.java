package org.hoptrace.traceback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId EASTERN = ZoneId.of("America/New_York");
    private final BusinessCalendar calendar = new BusinessCalendar(new TracebackSettings.BusinessHours(EASTERN,
            LocalTime.of(8, 0), LocalTime.of(18, 0),
            Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
            List.of(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25))));

    private static Instant eastern(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), EASTERN).toInstant();
    }

    @Test
    void aWeekdayMorningIsWithinBusinessHoursAndTheEveningIsNot() {
        assertThat(calendar.withinBusinessHours(eastern("2026-12-01T08:00"))).isTrue();
        assertThat(calendar.withinBusinessHours(eastern("2026-12-01T17:59"))).isTrue();
        assertThat(calendar.withinBusinessHours(eastern("2026-12-01T18:00"))).isFalse();
        assertThat(calendar.withinBusinessHours(eastern("2026-12-01T07:59"))).isFalse();
    }

    @Test
    void fridayEveningCountsFromMondayEightOClock() {
        assertThat(calendar.nextOpening(eastern("2026-12-04T19:30"))).isEqualTo(eastern("2026-12-07T08:00"));
    }

    @Test
    void earlyMorningCountsFromTheSameDaysOpening() {
        assertThat(calendar.nextOpening(eastern("2026-12-01T06:15"))).isEqualTo(eastern("2026-12-01T08:00"));
    }

    @Test
    void holidaysAreSkipped() {
        assertThat(calendar.withinBusinessHours(eastern("2026-11-26T10:00"))).isFalse();
        assertThat(calendar.nextOpening(eastern("2026-11-25T20:00"))).isEqualTo(eastern("2026-11-27T08:00"));
        assertThat(calendar.nextOpening(eastern("2026-12-24T18:30"))).isEqualTo(eastern("2026-12-28T08:00"));
    }

    @Test
    void theOpeningHourIsKeptAcrossTheChangeToWinterTime() {
        assertThat(calendar.nextOpening(eastern("2026-10-30T19:00"))).isEqualTo(eastern("2026-11-02T08:00"));
    }
}
