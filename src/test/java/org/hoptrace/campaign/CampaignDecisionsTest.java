package org.hoptrace.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hoptrace.HoptraceTest;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** dmn/campaign-priority.dmn and dmn/campaign-alert-routing.dmn, rule by rule, as deployed. */
@HoptraceTest
class CampaignDecisionsTest {

    @Autowired WorkflowEngine engine;

    @ParameterizedTest(name = "{0}, {1} calls, {2} in 24 h, growth {3}, {4}, A share {5} -> {6} {7} {8}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            // Dismissed: never acted on again
            "dismissed | 50000 | 5000 | 9.0 | government-impersonation | 0.0 | null               | none       | 0",
            // Volume10000
            "new       | 10000 | 100  | 1.0 | auto-warranty            | 0.9 | volume-10000       | auto-trace | 5",
            "tracing   | 25000 | 100  | 1.0 | null                     | 0.0 | volume-10000       | auto-trace | 5",
            // Impersonation1000
            "watch     | 1000  | 10   | 1.0 | government-impersonation | 0.0 | impersonation-1000 | auto-trace | 3",
            "new       | 4000  | 10   | 1.0 | utility-disconnection    | 0.9 | impersonation-1000 | auto-trace | 3",
            // Surge
            "new       | 600   | 500  | 3.0 | auto-warranty            | 0.0 | surge-500          | auto-trace | 3",
            // Signed1000
            "new       | 1000  | 10   | 1.0 | auto-warranty            | 0.8 | signed-1000        | review     | 2",
            // Volume1000
            "new       | 1000  | 10   | 1.0 | auto-warranty            | 0.79| volume-1000        | review     | 3",
            "new       | 9999  | 499  | 9.0 | null                     | 0.0 | volume-1000        | review     | 3",
            // Impersonation100
            "new       | 100   | 10   | 1.0 | brand-impersonation      | 0.0 | impersonation-100  | review     | 2",
            "new       | 999   | 10   | 1.0 | government-impersonation | 0.0 | impersonation-100  | review     | 2",
            // BelowThresholds
            "new       | 999   | 400  | 10  | auto-warranty            | 0.9 | null               | none       | 0",
            "new       | 99    | 99   | 99  | government-impersonation | 0.0 | null               | none       | 0",
            "new       | 900   | 500  | 2.9 | student-loans            | 0.0 | null               | none       | 0"})
    void theFirstMatchingThresholdDecides(String status, long volume, long calls24h, double growth, String category,
                                          double aShare, String threshold, String action, int traceCount) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("campaignStatus", status);
        inputs.put("callVolume", volume);
        inputs.put("calls24h", calls24h);
        inputs.put("growth", growth);
        inputs.put("category", category);
        inputs.put("attestationAShare", aShare);

        Priority priority = Priority.of(engine.evaluateDecision("campaign-priority", inputs));

        assertThat(priority).isEqualTo(new Priority(threshold, action, traceCount));
    }

    @ParameterizedTest(name = "{0}, states known {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "auto-warranty            | true  | state-attorney-general ftc",
            "health-insurance         | false | fcc ftc",
            "credit-card-interest     | true  | state-attorney-general ftc",
            "student-loans            | true  | state-attorney-general ftc",
            "government-impersonation | true  | state-attorney-general ftc doj",
            "brand-impersonation      | false | fcc ftc",
            "utility-disconnection    | true  | state-attorney-general state-regulator",
            "utility-disconnection    | false | fcc",
            "other                    | true  | state-attorney-general fcc",
            "null                     | true  | state-attorney-general fcc",
            "null                     | false | fcc"})
    void alertsGoToTheAgencyTypesOfEveryMatchingRule(String category, boolean statesKnown, String expected) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("category", category);
        inputs.put("calledStatesKnown", statesKnown);

        Set<Object> types = engine.evaluateDecision("campaign-alert-routing", inputs).stream()
                .map(r -> r.get("agencyType")).collect(Collectors.toSet());

        assertThat(types).isEqualTo(Set.copyOf(Arrays.asList(expected.split(" "))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dmn/campaign-priority.dmn:8:FIRST", "dmn/campaign-alert-routing.dmn:7:COLLECT"})
    void everyRuleNamesItsBasis(String spec) throws Exception {
        List<String> parts = List.of(spec.split(":"));
        String dmn = Files.readString(Path.of(parts.get(0)));
        long rules = Pattern.compile("<rule id=").matcher(dmn).results().count();
        long described = Pattern.compile("<rule id=\"[^\"]+\">\\s*<description>[^<]{60,}</description>").matcher(dmn)
                .results().count();

        assertThat(rules).isEqualTo(Long.parseLong(parts.get(1)));
        assertThat(described).isEqualTo(rules);
        assertThat(dmn).contains("hitPolicy=\"" + parts.get(2) + "\"");
    }
}
