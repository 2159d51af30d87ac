package org.hoptrace.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AgencyTotpTest {

    /** RFC 6238 appendix B, HMAC-SHA1 rows: seed "12345678901234567890", 8 digits, 30-second steps. */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void codesAreThoseOfTheRfc6238TestVectors(long unixTime, String expected) {
        byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

        assertThat(AgencyTotp.code(seed, AgencyTotp.step(Instant.ofEpochSecond(unixTime)), 8)).isEqualTo(expected);
    }

    @Test
    void sixDigitCodesAreTheLastSixDigitsOfTheEightDigitOnes() {
        String secret = AgencyTotp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

        assertThat(AgencyTotp.code(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    /** RFC 4648 section 10, without padding. */
    @ParameterizedTest
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void base32IsThatOfRfc4648(String text, String encoded) {
        assertThat(AgencyTotp.base32(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
        assertThat(new String(AgencyTotp.fromBase32(encoded.toLowerCase()), StandardCharsets.US_ASCII)).isEqualTo(text);
    }

    @Test
    void aCodeOfTheStepBeforeOrAfterIsAcceptedButNotOneFurtherAway() {
        String secret = AgencyTotp.newSecret();
        Instant now = Instant.parse("2026-11-20T15:04:05Z");
        long step = AgencyTotp.step(now);

        assertThat(AgencyTotp.matchingStep(secret, AgencyTotp.code(secret, now), now)).hasValue(step);
        assertThat(AgencyTotp.matchingStep(secret, AgencyTotp.code(secret, now.minusSeconds(30)), now)).hasValue(step - 1);
        assertThat(AgencyTotp.matchingStep(secret, AgencyTotp.code(secret, now.plusSeconds(30)), now)).hasValue(step + 1);
        assertThat(AgencyTotp.matchingStep(secret, AgencyTotp.code(secret, now.minusSeconds(90)), now)).isEmpty();
    }

    @Test
    void wrongOrMalformedCodesMatchNoStep() {
        String secret = AgencyTotp.newSecret();
        Instant now = Instant.parse("2026-11-20T15:04:05Z");
        String right = AgencyTotp.code(secret, now);
        String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);

        assertThat(AgencyTotp.matchingStep(secret, wrong, now)).isEmpty();
        assertThat(AgencyTotp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(AgencyTotp.matchingStep(secret, "abcdef", now)).isEmpty();
        assertThat(AgencyTotp.matchingStep(secret, null, now)).isEmpty();
    }

    @Test
    void theOtpauthUriCarriesIssuerAccountAndSecret() {
        assertThat(AgencyTotp.otpauthUri("Hoptrace", "a.b@ag-il.example", "ABCDEFGH"))
                .isEqualTo("otpauth://totp/Hoptrace:a.b%40ag-il.example?secret=ABCDEFGH&issuer=Hoptrace"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
