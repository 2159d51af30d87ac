package org.hoptrace.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * A campaign's volume over time, per hour or per day, for the trend chart and the API. Without a range: the last
 * 30 days per day, the last 48 hours per hour. At most {@value #MAX_BUCKETS} buckets.
 */
@Component
class CampaignVolumes {

    static final int MAX_BUCKETS = 2000;

    private final CampaignRepository campaigns;
    private final Clock clock;

    CampaignVolumes(CampaignRepository campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    CampaignView.Volume of(UUID id, String unit, String from, String to) {
        campaigns.get(id);
        Map<String, String> problems = new LinkedHashMap<>();
        String by = unit == null || unit.isBlank() ? "day" : unit.strip();
        if (!by.equals("day") && !by.equals("hour")) {
            problems.put("by", "by is hour or day; not '" + unit + "'");
        }
        Instant end = instant(problems, "to", to, clock.instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS));
        Duration span = by.equals("hour") ? Duration.ofHours(48) : Duration.ofDays(30);
        Instant start = instant(problems, "from", from, end.minus(span));
        if (problems.isEmpty()) {
            if (!start.isBefore(end)) {
                problems.put("from", "from must be before to");
            } else if (Duration.between(start, end).dividedBy(by.equals("hour") ? Duration.ofHours(1) : Duration.ofDays(1)) > MAX_BUCKETS) {
                problems.put("from", "at most %d %ss at a time".formatted(MAX_BUCKETS, by));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCampaignRequestException(problems);
        }
        List<CampaignRepository.Bucket> buckets = campaigns.volume(id, by, start, end);
        return new CampaignView.Volume(by, buckets);
    }

    private static Instant instant(Map<String, String> problems, String field, String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.put(field, field + " '" + text + "' is not an ISO-8601 UTC time such as 2026-11-20T15:00:00Z");
            return fallback;
        }
    }
}
