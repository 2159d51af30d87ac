package org.hoptrace.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.engine.DecisionService;
import org.springframework.beans.factory.annotation.Autowired;

/** dmn/escalation-routing.dmn, rule by rule, as deployed. */
@HoptraceTest
class EscalationRoutingTest {

    @Autowired DecisionService decisions;

    @ParameterizedTest(name = "{0}, foreign origin {1}, states known {2}, repeat {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            // every case: attorneys general (rule AttorneysGeneral)
            "terminating  | false | true  | false | state-attorney-general",
            "intermediate | false | true  | false | state-attorney-general",
            // GatewayOrOriginating
            "gateway      | false | true  | false | state-attorney-general fcc",
            // Originating (and GatewayOrOriginating)
            "originating  | false | true  | false | state-attorney-general fcc ftc",
            // NoStateKnown
            "unknown      | false | false | false | state-attorney-general fcc",
            "intermediate | false | false | false | state-attorney-general fcc",
            // RepeatCase
            "intermediate | false | true  | true  | state-attorney-general doj",
            // ForeignOrigin
            "gateway      | true  | true  | false | state-attorney-general fcc doj",
            "terminating  | true  | false | false | state-attorney-general fcc doj",
            // all at once: doj once
            "originating  | true  | false | true  | state-attorney-general fcc ftc doj"})
    void theReferralGoesToTheAgencyTypesOfEveryMatchingRule(String role, boolean foreignOrigin, boolean statesKnown,
                                                           boolean repeat, String expected) {
        var result = decisions.evaluateDecisionTableByKey("escalation-routing", Map.of("providerRole", role,
                "foreignOrigin", foreignOrigin, "calledStatesKnown", statesKnown, "repeatCase", repeat));

        Set<Object> types = result.getResultList().stream().map(r -> r.get("agencyType")).collect(Collectors.toSet());
        assertThat(types).isEqualTo(Set.copyOf(Arrays.asList(expected.split(" "))));
    }

    @Test
    void everyRuleNamesItsBasis() throws Exception {
        String dmn = Files.readString(Path.of("dmn/escalation-routing.dmn"));
        long rules = Pattern.compile("<rule id=").matcher(dmn).results().count();
        long described = Pattern.compile("<rule id=\"[^\"]+\">\\s*<description>[^<]{40,}</description>").matcher(dmn)
                .results().count();

        assertThat(rules).isEqualTo(6);
        assertThat(described).isEqualTo(rules);
        assertThat(dmn).contains("hitPolicy=\"COLLECT\"");
    }
}
