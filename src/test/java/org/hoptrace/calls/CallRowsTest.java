package org.hoptrace.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reading and checking rows without a database: CSV records, complaint times, derived ids. */
class CallRowsTest {

    @Test
    void csvRecordsCarryTheLineTheyStartOnAndMalformedOnesSayWhy() throws IOException {
        CsvRecords records = new CsvRecords(new StringReader("\uFEFFa,b\r\n1,\"two\nlines\"\r\n\r\n3,x\"y\n\"open,4\n5,6"));
        List<CsvRecords.Record> read = new ArrayList<>();
        for (CsvRecords.Record r = records.next(); r != null; r = records.next()) {
            read.add(r);
        }

        assertThat(read).extracting(CsvRecords.Record::line).containsExactly(1L, 2L, 4L, 5L, 6L);
        assertThat(read.get(0).fields()).containsExactly("a", "b");
        assertThat(read.get(1).fields()).containsExactly("1", "two\nlines");
        assertThat(read.get(2).isBlank()).isTrue();
        assertThat(read.get(3).malformed()).isEqualTo("a quote inside unquoted field 2 (quote the field and double the quote)");
        assertThat(read.get(4).malformed()).isEqualTo("the quote opening field 1 is never closed");
    }

    @Test
    void complaintTimesAreReadInTheirUsualSpellingsAsUtc() {
        assertThat(CallTimes.complaint("2021-02-10T00:00:00.000", "10:15 a.m.")).isEqualTo(Instant.parse("2021-02-10T10:15:00Z"));
        assertThat(CallTimes.complaint("02/10/2021", "12:05 AM")).isEqualTo(Instant.parse("2021-02-10T00:05:00Z"));
        assertThat(CallTimes.complaint("2/1/2021", "12:30 p.m.")).isEqualTo(Instant.parse("2021-02-01T12:30:00Z"));
        assertThat(CallTimes.complaint("2022-12-30 22:43:07", null)).isEqualTo(Instant.parse("2022-12-30T22:43:07Z"));
        assertThat(CallTimes.complaint("2022-12-30", "")).isEqualTo(Instant.parse("2022-12-30T00:00:00Z"));
        assertThatThrownBy(() -> CallTimes.complaint("2022-02-30", null)).hasMessageStartingWith("'2022-02-30' is not a date");
        assertThatThrownBy(() -> CallTimes.complaint("2022-02-03", "13:00 pm")).hasMessageContaining("hours 1 to 12");
        assertThatThrownBy(() -> CallTimes.iso("2026-03-01T14:05:00")).hasMessageContaining("with Z or an offset");
    }

    @Test
    void aRowWithoutSourceCallIdGetsAnIdFromItsNormalisedContent() {
        CallNormaliser normaliser = new CallNormaliser(CallLayout.HOPTRACE, Map.of());
        NormalisedCall written = normaliser.normalise(row(Map.of("callingNumber", "(202) 555-0143",
                "callTime", "2026-03-01T09:05:00-05:00"))).call();
        NormalisedCall same = normaliser.normalise(row(Map.of("callingNumber", "+12025550143",
                "callTime", "2026-03-01T14:05:00Z"))).call();
        NormalisedCall other = normaliser.normalise(row(Map.of("callingNumber", "+12025550143",
                "callTime", "2026-03-01T14:06:00Z"))).call();

        assertThat(written.sourceCallId()).matches("h:[0-9a-f]{64}").isEqualTo(same.sourceCallId());
        assertThat(other.sourceCallId()).isNotEqualTo(written.sourceCallId());
    }

    @Test
    void everyReasonOfABadRowIsListedUnderTheColumnNameTheFileUses() {
        CallNormaliser normaliser = new CallNormaliser(CallLayout.FCC, Map.of("callingNumber", "Caller ID Number",
                "issueDate", "Date of Issue", "calledState", "State"));

        CallNormaliser.Result result = normaliser.normalise(row(Map.of("callingNumber", "12", "issueDate", "soon",
                "calledState", "ZZ")));

        assertThat(result.call()).isNull();
        assertThat(result.reasons()).containsExactly(
                "Caller ID Number: '12' is not a phone number: give numbers outside North America with + and the country code",
                "Date of Issue: 'soon' is not a date (2021-02-10 or 02/10/2021)",
                "State: 'ZZ' is not a US state (USPS code such as TX)");
    }

    @Test
    void layoutsAreRecognisedFromTheHeader() {
        assertThat(CallLayout.detect(List.of("call_time", "calling_number"))).contains(CallLayout.HOPTRACE);
        assertThat(CallLayout.detect(List.of("Date of Issue", "Caller ID Number"))).contains(CallLayout.FCC);
        assertThat(CallLayout.detect(List.of("Company_Phone_Number", "Violation_Date"))).contains(CallLayout.FTC);
        assertThat(CallLayout.detect(List.of("phone", "when"))).isEmpty();
    }

    @Test
    void copyRowsEscapeTheTextFormatEncodeUtf8AndHandOverWholeRows() throws IOException {
        List<String> handed = new ArrayList<>();
        CopyRows rows = new CopyRows(new CopyRows.Chunks() {
            @Override
            public void full(byte[] bytes, int length) {
                handed.add(new String(bytes, 0, length, StandardCharsets.UTF_8));
            }

            @Override
            public byte[] next() {
                return new byte[CopyRows.CHUNK];
            }
        });
        rows.raw("src".getBytes(StandardCharsets.US_ASCII));
        rows.text("tab\there\\ and\nline\rend\0", false);
        rows.text(null, false);
        rows.text("Zoë 電話 \uD83D\uDCDE lone \uD800!", false);
        rows.number(42);
        rows.time(Instant.parse("2026-03-01T14:05:00Z"));
        rows.end();
        List<Instant> times = List.of(Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"),
                Instant.parse("0999-12-31T23:59:59Z"), Instant.parse("2024-02-29T08:09:07.5Z"), Instant.parse("1970-01-01T00:00:00Z"));
        for (Instant time : times) {
            rows.text("t", true);
            rows.time(time);
            rows.end();
        }
        String big = "x".repeat(100_000);
        for (int i = 0; i < 10; i++) {
            rows.text(big + i, true);
            rows.end();
        }
        rows.finish();

        String all = String.join("", handed);
        assertThat(all).startsWith("src\ttab\\there\\\\ and\\nline\\rend\t\\N\tZoë 電話 \uD83D\uDCDE lone ?!\t42\t"
                + "2026-03-01T14:05:00Z\n");
        assertThat(handed).hasSizeGreaterThan(1).allMatch(chunk -> chunk.endsWith("\n"));
        assertThat(all.lines().skip(1).limit(times.size())).containsExactlyElementsOf(times.stream().map(t -> "t\t" + t).toList());
        assertThat(all.lines().skip(1 + times.size())).hasSize(10).allMatch(line -> line.length() == 100_001);
    }

    @Test
    void theQuickPathsReadValuesExactlyLikeTheStrictOnes() {
        for (String time : List.of("2026-03-01T14:05:00Z", "2024-02-29T23:59:59Z", "0001-01-01T00:00:00Z")) {
            assertThat(CallTimes.iso(time)).isEqualTo(java.time.OffsetDateTime.parse(time).toInstant());
        }
        for (String bad : List.of("2026-02-30T14:05:00Z", "2026-13-01T14:05:00Z", "2026-03-01T24:00:00Z", "2026-03-01T14:60:00Z",
                "2026-03-01T14:05:60Z", "2026-0a-01T14:05:00Z")) {
            assertThatThrownBy(() -> CallTimes.iso(bad)).as(bad).hasMessageContaining("is not an ISO-8601 time");
        }
        for (String number : List.of("+12025550143", "+19995550143")) {
            assertThat(CallNormaliser.isNorthAmericanE164(number)).as(number).isTrue();
            assertThat(org.hoptrace.traceback.PhoneNumbers.toE164("n", number)).isEqualTo(number);
        }
        // not taken by the quick path: left to PhoneNumbers (which refuses or rewrites them)
        for (String number : List.of("+12021550143", "+11025550143", "+1202555014x", "+22025550143", "2025550143",
                "+1 202 555 0143", "+120255501430")) {
            assertThat(CallNormaliser.isNorthAmericanE164(number)).as(number).isFalse();
        }
        assertThat(UsStates.code("tx")).contains("TX");
        assertThat(UsStates.code("New  york")).contains("NY");
        assertThat(UsStates.code("ZZ")).isEmpty();
    }

    private static RawCall row(Map<String, String> fields) {
        return new RawCall(1, 2, null, fields, List.of());
    }
}
