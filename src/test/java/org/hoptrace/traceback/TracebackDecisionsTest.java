package org.hoptrace.traceback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.hoptrace.HoptraceTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.engine.DecisionService;
import org.springframework.beans.factory.annotation.Autowired;

/** dmn/hop-response-routing.dmn and dmn/hop-response-deadline.dmn, rule by rule, as deployed. */
@HoptraceTest
class TracebackDecisionsTest {

    @Autowired DecisionService decisions;

    @ParameterizedTest(name = "{0}, seen before {1}, foreign {2}, hop {3} of {4} -> {5} {6}")
    @CsvSource(nullValues = "null", value = {
            "origin,                false, false, 1,  15, finish,   origin-found",
            "origin,                true,  true,  15, 15, finish,   origin-found",
            "not-found,             false, false, 3,  15, finish,   not-found",
            "upstream-registered,   true,  false, 2,  15, finish,   dead-end",
            "upstream-unregistered, true,  true,  2,  15, finish,   dead-end",
            "upstream-registered,   false, true,  4,  15, finish,   foreign-point-of-entry",
            "upstream-unregistered, false, true,  15, 15, finish,   foreign-point-of-entry",
            "upstream-registered,   false, false, 15, 15, finish,   dead-end",
            "upstream-registered,   false, false, 14, 15, next-hop, null",
            "upstream-unregistered, false, false, 1,  15, next-hop, null"})
    void routingFollowsTheRulesInTheirOrder(String answerType, boolean seenBefore, boolean foreign, int hopNumber,
                                            int maxHops, String action, String outcome) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("answerType", answerType);
        variables.put("upstreamSeenBefore", seenBefore);
        variables.put("upstreamForeign", foreign);
        variables.put("hopNumber", hopNumber);
        variables.put("maxHops", maxHops);

        Map<String, Object> result = decisions.evaluateDecisionTableByKey("hop-response-routing", variables)
                .getSingleResult().getEntryMap();

        assertThat(result.get("action")).isEqualTo(action);
        assertThat(result.get("outcome")).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "within business hours {0} -> count from {1}")
    @CsvSource({"true, request", "false, next-business-opening"})
    void theDeadlineIsTwentyFourHoursWithAReminderFourHoursBefore(boolean withinBusinessHours, String countFrom) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey("hop-response-deadline",
                Map.of("withinBusinessHours", withinBusinessHours)).getSingleResult().getEntryMap();

        assertThat(result).containsEntry("countFrom", countFrom).containsEntry("responseTime", "PT24H")
                .containsEntry("reminderBefore", "PT4H");
    }
}
