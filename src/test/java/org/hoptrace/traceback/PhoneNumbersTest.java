package org.hoptrace.traceback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +1 (202) 555-0143    | +12025550143
            202-555-0143         | +12025550143
            (202) 555-0143       | +12025550143
            202.555.0143         | +12025550143
            2025550143           | +12025550143
            12025550143          | +12025550143
            1 202 555 0143       | +12025550143
            +12025550143         | +12025550143
            +442079460000        | +442079460000
            +44 20 7946 0000     | +442079460000
            +49 30 901820        | +4930901820
            ' +1 312 555 0178 '  | +13125550178
            """)
    void writtenNumbersBecomeE164(String written, String e164) {
        assertThat(PhoneNumbers.toE164("calling number", written)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            12ab               | calling number '12ab' is not a phone number
            555-0143           | calling number '555-0143' is not a phone number: give numbers outside North America with + and the country code
            442079460000       | calling number '442079460000' is not a phone number: give numbers outside North America with + and the country code
            +1 202 555 014     | calling number '+1 202 555 014' is not a phone number: a North American number has ten digits after +1
            102-555-0143       | calling number '102-555-0143' is not a phone number: North American area codes and exchanges start with 2 to 9
            202-155-0143       | calling number '202-155-0143' is not a phone number: North American area codes and exchanges start with 2 to 9
            +0442079460000     | calling number '+0442079460000' is not a phone number: E.164 numbers have a country code and 8 to 15 digits
            +4412345678901234  | calling number '+4412345678901234' is not a phone number: E.164 numbers have a country code and 8 to 15 digits
            ++12025550143      | calling number '++12025550143' is not a phone number
            202-555-0143 x12   | calling number '202-555-0143 x12' is not a phone number
            """)
    void anythingElseIsRejectedNamingTheNumber(String written, String message) {
        assertThatThrownBy(() -> PhoneNumbers.toE164("calling number", written))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'   '", "NULL"}, nullValues = "NULL")
    void aMissingNumberIsRequired(String written) {
        assertThatThrownBy(() -> PhoneNumbers.toE164("called number", written)).hasMessage("called number is required");
    }
}
