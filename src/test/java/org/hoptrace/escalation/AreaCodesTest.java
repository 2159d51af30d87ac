package org.hoptrace.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The state of a called number from its area code (reference/us-area-codes.csv). */
class AreaCodesTest {

    private final AreaCodes codes = AreaCodes.load();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "+13125550178, IL", "+12125550100, NY", "+12025550143, DC", "+14155550100, CA", "+17135550100, TX",
            "+13055550100, FL", "+19075550100, AK", "+18085550100, HI", "+17875550100, PR", "+16175550100, MA",
            "+14165550100, none",   // Toronto: +1, but Canada
            "+18765550100, none",   // Jamaica
            "+18005550100, none",   // toll free, no state
            "+442079460000, none",  // London
            "+1312555017, none",    // too short
            "13125550178, none"})   // not E.164
    void theAreaCodeGivesTheState(String number, String state) {
        assertThat(codes.stateOf(number).orElse(null)).isEqualTo(state);
    }

    @Test
    void theTableCoversTheUsAreaCodes() {
        assertThat(codes.size()).isGreaterThan(300);
        assertThat(codes.stateOf(null)).isEmpty();
    }

    @Test
    void aBadLineIsReportedWithItsNumber() {
        assertThatThrownBy(() -> AreaCodes.read("codes.csv", csv("npa,state\n212,NY\n31,IL\n")))
                .hasMessage("codes.csv:3: expected 'npa,state' like '212,NY', got '31,IL'");
        assertThatThrownBy(() -> AreaCodes.read("codes.csv", csv("npa,state\n212,NY\n212,NJ\n")))
                .hasMessage("codes.csv:3: area code 212 is listed twice");
        assertThatThrownBy(() -> AreaCodes.read("codes.csv", csv("area,state\n")))
                .hasMessage("codes.csv:1: the header must be 'npa,state'");
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
