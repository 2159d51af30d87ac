package org.hoptrace.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DemoCallsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:34:56Z");

    @Test
    void threeDaysOfFourScriptsAndOneOffCallsTheSameOnEveryStart() {
        List<Map<String, Object>> calls = DemoCalls.calls(NOW);

        assertThat(calls).hasSize(260 + 220 + 150 + 120 + 80);
        assertThat(calls).isEqualTo(DemoCalls.calls(NOW));
        assertThat(calls).extracting(c -> c.get("sourceCallId")).doesNotHaveDuplicates();
        assertThat(calls).allSatisfy(call -> {
            Instant at = Instant.parse((String) call.get("callTime"));
            assertThat(at).isBefore(NOW).isAfter(NOW.minus(Duration.ofDays(3).plusHours(1)));
            assertThat((String) call.get("callingNumber")).matches("\\+1\\d{3}55501\\d{2}");
            assertThat((String) call.get("calledNumber")).matches("\\+1\\d{3}55501\\d{2}");
        });
        assertThat(calls).filteredOn(c -> "+12025550100".equals(c.get("callbackNumber")))
                .allSatisfy(c -> assertThat((String) c.get("transcript")).containsIgnoringCase("social security"))
                .hasSizeBetween(120, 200);
    }
}
