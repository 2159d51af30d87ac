package org.hoptrace.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hoptrace.HoptraceTest;
import org.hoptrace.workflow.NotFoundException;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** dmn/provider-cooperation.dmn, rule by rule and at each threshold, as deployed, through the engine port. */
@HoptraceTest
class CooperationDecisionTest {

    @Autowired WorkflowEngine engine;

    @ParameterizedTest(name = "[{0}] listed {1}, missed {2}, on time {3}, origin {4}, gateway {5}, insufficient {6}, "
            + "not found {7} -> {8}, {9}")
    @CsvSource(nullValues = "null", value = {
            // rule            listed missed rate  origin gateway insuff notFound status            nextStep
            "Listed,           true,  0,     null, 0,     0,      0,     0,       non-cooperative, none",
            "Listed,           true,  9,     0.0,  9,     9,      9,     9,       non-cooperative, none",
            "NotTakingPart,    false, 3,     0.49, 0,     0,      0,     0,       non-cooperative, escalate",
            "NotTakingPart,    false, 10,    0.0,  0,     0,      0,     0,       non-cooperative, escalate",
            "RepeatedOrigin,   false, 0,     1.0,  5,     0,      0,     0,       non-cooperative, escalate",
            "RepeatedGateway,  false, 0,     1.0,  0,     5,      0,     0,       non-cooperative, escalate",
            "RepeatedInsuff.,  false, 0,     1.0,  0,     0,      3,     0,       non-cooperative, escalate",
            "MissedDeadline,   false, 3,     0.5,  0,     0,      0,     0,       watch,           monitor",
            "MissedDeadline,   false, 2,     0.0,  0,     0,      0,     0,       watch,           monitor",
            "MissedDeadline,   false, 1,     0.98, 0,     0,      0,     0,       watch,           monitor",
            "Origin,           false, 0,     1.0,  2,     0,      0,     0,       watch,           monitor",
            "Origin,           false, 0,     null, 4,     0,      0,     0,       watch,           monitor",
            "Gateway,          false, 0,     1.0,  0,     2,      0,     0,       watch,           monitor",
            "Gateway,          false, 0,     1.0,  0,     4,      0,     0,       watch,           monitor",
            "Insufficient,     false, 0,     1.0,  0,     0,      1,     0,       watch,           monitor",
            "Insufficient,     false, 0,     1.0,  0,     0,      2,     0,       watch,           monitor",
            "NotFound,         false, 0,     1.0,  0,     0,      0,     3,       watch,           monitor",
            "Cooperative,      false, 0,     1.0,  1,     1,      0,     2,       cooperative,     none",
            "Cooperative,      false, 0,     null, 0,     0,      0,     0,       cooperative,     none"})
    void everyRuleDecidesStatusAndNextStep(String rule, boolean listed, long missed, Double onTimeRate, long origin,
                                           long gateway, long insufficient, long notFound, String status,
                                           String nextStep) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("listedNonCooperative", listed);
        inputs.put("nonResponsive90d", missed);
        inputs.put("onTimeRate90d", onTimeRate);
        inputs.put("origin12m", origin);
        inputs.put("foreignGateway12m", gateway);
        inputs.put("insufficient12m", insufficient);
        inputs.put("notFound90d", notFound);

        List<Map<String, Object>> result = engine.evaluateDecision(CooperationDecision.DECISION_ID, inputs);

        assertThat(result).containsExactly(Map.of("status", status, "nextStep", nextStep));
    }

    @Test
    void anUnknownDecisionIsNotFound() {
        assertThatThrownBy(() -> engine.evaluateDecision("no-such-decision", Map.of()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-decision");
    }

    @Test
    void decisionResultsAreJsonValues() {
        List<Map<String, Object>> result = engine.evaluateDecision("hop-response-deadline",
                Map.of("withinBusinessHours", true));

        assertThat(result).containsExactly(Map.of("countFrom", "request", "responseTime", "PT24H",
                "reminderBefore", "PT4H"));
    }
}
