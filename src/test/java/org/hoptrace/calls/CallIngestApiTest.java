package org.hoptrace.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/v1/calls as a data source: formats, bad rows, duplicates, unreadable bodies. */
@HoptraceTest
class CallIngestApiTest {

    static final String NDJSON = "application/x-ndjson";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    SourceService sources;

    @Autowired
    CallSourceRepository registry;

    @Autowired
    JdbcTemplate jdbc;

    CallsClient api;
    SourceKey key;

    @BeforeEach
    void source() {
        api = new CallsClient(port, json);
        key = sources.register(new SourceDraft(CallsClient.name("Prairie Voice"), "carrier", "noc@prairie.example")).key();
    }

    @Test
    void badRowsOfAJsonArrayAreReportedWithIndexLineAndReasonsAndTheGoodOnesAreKept() {
        String body = """
                [
                  {"sourceCallId": "c-1", "callingNumber": "(202) 555-0143", "calledNumber": "312.555.0178",
                   "callTime": "2026-03-01T14:05:00Z", "durationSeconds": 42, "attestation": "b",
                   "originationId": "8c3e4b1a-2f4d-4a7e-9d61-0c2f5b7a9e10", "verdict": "scam-likely",
                   "transcript": "This is the Social Security Administration", "callbackNumber": "+1 888 555 0100",
                   "calledState": "tx"},
                  {"sourceCallId": "c-2", "callingNumber": "12ab", "callTime": "2026-03-01T14:06:00Z"},
                  {"sourceCallId": "c-3", "callingNumber": "2025550144", "callTime": "yesterday", "attestation": "D"},
                  {"sourceCallId": "c-4", "callingNumber": "2025550145", "callTime": "2026-03-01T09:07:00-05:00"},
                  42
                ]""";

        CallsClient.Answer answer = api.postAs(key, "/api/v1/calls", "application/json", body);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.get("received").asLong()).isEqualTo(5);
        assertThat(report.get("accepted").asLong()).isEqualTo(2);
        assertThat(report.get("duplicates").asLong()).isZero();
        assertThat(report.get("rejected").asLong()).isEqualTo(3);
        JsonNode rejected = report.get("rejectedRows");
        assertThat(rejected.get(0).get("index").asLong()).isEqualTo(1);
        assertThat(rejected.get(0).get("line").asLong()).isEqualTo(7);
        assertThat(rejected.get(0).get("reasons").get(0).asText()).isEqualTo("callingNumber: '12ab' is not a phone number");
        assertThat(rejected.get(1).get("index").asLong()).isEqualTo(2);
        assertThat(rejected.get(1).get("reasons")).extracting(JsonNode::asText).containsExactly(
                "callTime: 'yesterday' is not an ISO-8601 time with Z or an offset (e.g. 2026-03-01T14:05:00Z)",
                "attestation: 'D' is not A, B or C");
        assertThat(rejected.get(2).get("index").asLong()).isEqualTo(4);
        assertThat(rejected.get(2).get("reasons").get(0).asText()).isEqualTo("a call must be a JSON object");

        Map<String, Object> first = jdbc.queryForMap("select * from call_record where source_id = ? and source_call_id = 'c-1'",
                key.sourceId());
        assertThat(first).containsEntry("calling_number", "+12025550143").containsEntry("called_number", "+13125550178")
                .containsEntry("callback_number", "+18885550100").containsEntry("attestation", "B")
                .containsEntry("called_state", "TX").containsEntry("duration_seconds", 42)
                .containsEntry("verdict", "scam-likely");
        assertThat(jdbc.queryForObject("select call_time = '2026-03-01T14:07:00Z' from call_record "
                + "where source_id = ? and source_call_id = 'c-4'", Boolean.class, key.sourceId())).isTrue();
        CallSource source = registry.get(key.sourceId());
        assertThat(source.acceptedCalls()).isEqualTo(2);
        assertThat(source.rejectedRows()).isEqualTo(3);
        assertThat(source.lastSeenAt()).isNotNull();
    }

    @Test
    void ndjsonBadLinesAreReportedByLineNumberAndTheRestIsRead() {
        String body = """
                {"sourceCallId": "n-1", "callingNumber": "+12025550143", "callTime": "2026-03-01T14:05:00Z"}
                {"sourceCallId": "n-2", "callingNumber": "+1202555
                
                {"sourceCallId": "n-3", "callingNumber": "+12025550143", "callTime": "2026-03-01T14:05:00Z", "calledState": "Atlantis"}
                {"sourceCallId": "n-4", "transcript": "Your car warranty is about to expire", "callTime": "2026-03-01T14:05:00Z"}
                """;

        JsonNode report = api.postAs(key, "/api/v1/calls", NDJSON, body).json();

        assertThat(report.get("format").asText()).isEqualTo("ndjson");
        assertThat(report.get("accepted").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").asLong()).isEqualTo(2);
        assertThat(report.get("rejectedRows").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(report.get("rejectedRows").get(0).get("reasons").get(0).asText()).startsWith("not valid JSON");
        assertThat(report.get("rejectedRows").get(1).get("line").asLong()).isEqualTo(4);
        assertThat(report.get("rejectedRows").get(1).get("reasons").get(0).asText())
                .isEqualTo("calledState: 'Atlantis' is not a US state (USPS code such as TX)");
        assertThat(storedIds()).containsExactlyInAnyOrder("n-1", "n-4");
    }

    @Test
    void csvLinesCountTheHeaderAndLineBreaksInsideQuotedTranscripts() {
        String body = "source_call_id,calling_number,call_time,transcript,attestation,notes\r\n"
                + "v-1,2025550143,2026-03-01T14:05:00Z,\"Hello,\nthis is your bank\",A,x\r\n"
                + "v-2,2025550143,2026-03-01T14:05:00Z,short,Z,x\r\n"
                + "v-3,2025550143,2026-03-01T14:05:00Z,\"a \"\"quoted\"\" word\",C,x\r\n"
                + "v-4,2025550143\r\n";

        JsonNode report = api.postAs(key, "/api/v1/calls", "text/csv", body).json();

        assertThat(report.get("layout").asText()).isEqualTo("hoptrace");
        assertThat(report.get("ignoredColumns")).extracting(JsonNode::asText).containsExactly("notes");
        assertThat(report.get("accepted").asLong()).isEqualTo(2);
        assertThat(report.get("rejectedRows")).hasSize(2);
        assertThat(report.get("rejectedRows").get(0).get("line").asLong()).isEqualTo(4);
        assertThat(report.get("rejectedRows").get(0).get("reasons").get(0).asText()).isEqualTo("attestation: 'Z' is not A, B or C");
        assertThat(report.get("rejectedRows").get(1).get("line").asLong()).isEqualTo(6);
        assertThat(report.get("rejectedRows").get(1).get("reasons").get(0).asText()).isEqualTo("the row has 2 fields, the header 6");
        assertThat(jdbc.queryForObject("select transcript from call_record where source_id = ? and source_call_id = 'v-3'",
                String.class, key.sourceId())).isEqualTo("a \"quoted\" word");
        assertThat(jdbc.queryForObject("select transcript from call_record where source_id = ? and source_call_id = 'v-1'",
                String.class, key.sourceId())).isEqualTo("Hello,\nthis is your bank");
    }

    @Test
    void duplicatesInABatchAndAcrossBatchesAreIgnoredAndAResentBatchChangesNothing() {
        String batch = """
                {"sourceCallId": "d-1", "callingNumber": "+12025550143", "callTime": "2026-03-01T14:05:00Z", "verdict": "first"}
                {"sourceCallId": "d-2", "callingNumber": "+12025550144", "callTime": "2026-03-01T14:06:00Z"}
                {"sourceCallId": "d-1", "callingNumber": "+12025550199", "callTime": "2026-03-01T14:07:00Z", "verdict": "second"}
                {"sourceCallId": "d-3", "callingNumber": "bad", "callTime": "2026-03-01T14:06:00Z"}
                """;

        JsonNode first = api.postAs(key, "/api/v1/calls", NDJSON, batch).json();
        CallSource afterFirst = registry.get(key.sourceId());
        JsonNode again = api.postAs(key, "/api/v1/calls", NDJSON, batch).json();
        CallSource afterAgain = registry.get(key.sourceId());

        assertThat(List.of(first.get("accepted").asLong(), first.get("duplicates").asLong(), first.get("rejected").asLong()))
                .containsExactly(2L, 1L, 1L);
        assertThat(List.of(again.get("accepted").asLong(), again.get("duplicates").asLong(), again.get("rejected").asLong()))
                .containsExactly(0L, 3L, 1L);
        assertThat(storedIds()).containsExactlyInAnyOrder("d-1", "d-2");
        assertThat(jdbc.queryForObject("select verdict from call_record where source_id = ? and source_call_id = 'd-1'",
                String.class, key.sourceId())).isEqualTo("first");
        assertThat(afterAgain.acceptedCalls()).isEqualTo(afterFirst.acceptedCalls()).isEqualTo(2);
        assertThat(afterAgain.rejectedRows()).isEqualTo(2);
    }

    @Test
    void aBatchOfManyChunksIsStoredWholeAndResentWithNewCallsAddsOnlyThem() {
        StringBuilder batch = new StringBuilder("sourceCallId,callingNumber,callTime,transcript\n");
        String transcript = "Your car's extended warranty is about to expire, press one to speak to a specialist. ".repeat(4);
        for (int i = 0; i < 8_000; i++) {
            batch.append("m-").append(i).append(",+1202555").append(String.format("%04d", i % 10_000))
                    .append(",2026-03-01T14:05:00Z,\"").append(transcript).append(i).append("\"\n");
        }
        String more = "m-8000,+12025550001,2026-03-01T14:05:00Z,new one\nm-8001,+12025550002,2026-03-01T14:05:00Z,and another\n";

        JsonNode first = api.postAs(key, "/api/v1/calls", "text/csv", batch.toString()).json();
        JsonNode again = api.postAs(key, "/api/v1/calls", "text/csv", batch + more).json();

        assertThat(batch.length()).isGreaterThan(2 * CopyRows.CHUNK);
        assertThat(List.of(first.get("accepted").asLong(), first.get("duplicates").asLong())).containsExactly(8_000L, 0L);
        assertThat(List.of(again.get("accepted").asLong(), again.get("duplicates").asLong())).containsExactly(2L, 8_000L);
        assertThat(jdbc.queryForObject("select count(*) from call_record where source_id = ?", Long.class, key.sourceId()))
                .isEqualTo(8_002);
        assertThat(jdbc.queryForObject("select transcript from call_record where source_id = ? and source_call_id = 'm-7999'",
                String.class, key.sourceId())).isEqualTo(transcript + 7999);
        assertThat(registry.get(key.sourceId()).acceptedCalls()).isEqualTo(8_002);
    }

    @Test
    void concurrentBatchesSharingCallsStoreEachCallOnce() throws Exception {
        String first = calls(0, 3_000);
        String second = calls(2_000, 5_000);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> api.postAs(key, "/api/v1/calls", "text/csv", first).json());
            var b = pool.submit(() -> api.postAs(key, "/api/v1/calls", "text/csv", second).json());
            JsonNode one = a.get();
            JsonNode two = b.get();

            assertThat(one.get("accepted").asLong() + two.get("accepted").asLong()).isEqualTo(5_000);
            assertThat(one.get("duplicates").asLong() + two.get("duplicates").asLong()).isEqualTo(1_000);
            assertThat(jdbc.queryForObject("select count(*) from call_record where source_id = ?", Long.class, key.sourceId()))
                    .isEqualTo(5_000);
            assertThat(registry.get(key.sourceId()).acceptedCalls()).isEqualTo(5_000);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String calls(int from, int to) {
        StringBuilder csv = new StringBuilder("sourceCallId,callingNumber,callTime\n");
        for (int i = from; i < to; i++) {
            csv.append("k-").append(i).append(",+1202555").append(String.format("%04d", i % 10_000)).append(",2026-03-01T14:05:00Z\n");
        }
        return csv.toString();
    }

    @Test
    void fccComplaintsAreRecognisedByTheirHeaderAndResendingThemIsANoOp() {
        String body = """
                Ticket ID,Ticket Created,Date of Issue,Time of Issue,Form,Method,Issue,Caller ID Number,Type of Call or Messge,Advertiser Business Phone Number,City,State,Zip
                3412001,2021-02-11T10:00:00.000,2021-02-10T00:00:00.000,10:15 a.m.,Phone,Wireless,Unwanted Calls,202-555-0143,Prerecorded Voice,888-555-0100,Austin,TX,78701
                3412002,2021-02-11T10:00:00.000,02/10/2021,9:05 PM,Phone,Wireless,Unwanted Calls,,Live Voice,,Dallas,TX,75201
                ,2021-02-11T10:00:00.000,2021-02-09,14:30,Phone,Wireless,Robocalls,(312) 555-0178,Prerecorded Voice,,Chicago,IL,60601
                """;

        JsonNode report = api.postAs(key, "/api/v1/calls", "text/csv", body).json();
        JsonNode again = api.postAs(key, "/api/v1/calls", "text/csv", body).json();

        assertThat(report.get("layout").asText()).isEqualTo("fcc");
        assertThat(report.get("ignoredColumns")).extracting(JsonNode::asText)
                .containsExactly("Ticket Created", "Form", "Method", "Issue", "City", "Zip");
        assertThat(report.get("accepted").asLong()).isEqualTo(2);
        assertThat(report.get("rejectedRows").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(report.get("rejectedRows").get(0).get("reasons").get(0).asText())
                .isEqualTo("a call needs a caller id or callback number");
        assertThat(again.get("accepted").asLong()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(2);
        Map<String, Object> ticket = jdbc.queryForMap("select calling_number, callback_number, verdict, called_state, "
                + "call_time = '2021-02-10T10:15:00Z' as at_issue_time from call_record where source_id = ? and source_call_id = '3412001'",
                key.sourceId());
        assertThat(ticket).containsEntry("calling_number", "+12025550143").containsEntry("callback_number", "+18885550100")
                .containsEntry("verdict", "Prerecorded Voice").containsEntry("called_state", "TX")
                .containsEntry("at_issue_time", true);
        assertThat(storedIds()).hasSize(2).contains("3412001").anyMatch(id -> id.matches("h:[0-9a-f]{64}"));
    }

    @Test
    void ftcDoNotCallComplaintsAreRecognisedByTheirHeader() {
        String body = """
                Company_Phone_Number,Created_Date,Violation_Date,Consumer_City,Consumer_State,Consumer_Area_Code,Subject,Recorded_Message_Or_Robocall
                2025550143,2023-01-03 00:00:09,2022-12-30 10:43:00,Columbus,Ohio,614,"Reducing your debt (credit cards, mortgage, student loans)",Y
                8885550100,2023-01-03 00:01:12,,Austin,Texas,512,Warranties & protection plans,N
                not-a-number,2023-01-03 00:01:12,2022-12-30 11:00:00,Austin,Texas,512,Other,N
                """;

        JsonNode report = api.postAs(key, "/api/v1/calls", "text/csv", body).json();

        assertThat(report.get("layout").asText()).isEqualTo("ftc");
        assertThat(report.get("accepted").asLong()).isEqualTo(2);
        assertThat(report.get("rejectedRows").get(0).get("line").asLong()).isEqualTo(4);
        assertThat(report.get("rejectedRows").get(0).get("reasons").get(0).asText())
                .startsWith("Company_Phone_Number: 'not-a-number' is not a phone number");
        List<Map<String, Object>> calls = jdbc.queryForList("""
                select calling_number, verdict, called_state, to_char(call_time at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') as at
                from call_record where source_id = ? order by call_time""", key.sourceId());
        assertThat(calls).containsExactly(
                Map.of("calling_number", "+12025550143", "verdict", "Reducing your debt (credit cards, mortgage, student loans) (robocall)",
                        "called_state", "OH", "at", "2022-12-30 10:43:00"),
                Map.of("calling_number", "+18885550100", "verdict", "Warranties & protection plans", "called_state", "TX",
                        "at", "2023-01-03 00:01:12"));
    }

    @Test
    void anUnreadableBodyIsRefusedWithProblemJsonAndNothingIsStored() {
        String cut = """
                [{"sourceCallId": "u-1", "callingNumber": "+12025550143", "callTime": "2026-03-01T14:05:00Z"},
                 {"sourceCallId": "u-2", "callingNumber": "+1202""";

        CallsClient.Answer truncated = api.postAs(key, "/api/v1/calls", "application/json", cut);
        CallsClient.Answer notAnArray = api.postAs(key, "/api/v1/calls", "application/json", "{\"callTime\": \"x\"}");
        CallsClient.Answer unknownHeader = api.postAs(key, "/api/v1/calls", "text/csv", "a,b,c\n1,2,3\n");
        CallsClient.Answer empty = api.postAs(key, "/api/v1/calls", NDJSON, "\n\n");
        CallsClient.Answer plainText = api.postAs(key, "/api/v1/calls", "text/plain", "hello");
        CallsClient.Answer badLayout = api.postAs(key, "/api/v1/calls?layout=fcc", "application/json", "[]");

        for (CallsClient.Answer answer : List.of(truncated, notAnArray, unknownHeader, empty, badLayout)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asText()).startsWith("Nothing was stored: ");
        }
        assertThat(truncated.json().get("type").asText()).isEqualTo("https://hoptrace.org/problems/unreadable-calls");
        assertThat(unknownHeader.json().get("type").asText()).isEqualTo("https://hoptrace.org/problems/invalid-header");
        assertThat(plainText.status()).isEqualTo(415);
        assertThat(plainText.contentType()).startsWith("application/problem+json");
        assertThat(storedIds()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from call_batch where source_id = ?", Long.class, key.sourceId())).isZero();
        assertThat(registry.get(key.sourceId()).lastSeenAt()).isNull();
    }

    @Test
    void theWholeRejectionListOfABatchDownloadsForItsSourceOnly() {
        StringBuilder body = new StringBuilder("callTime,callingNumber\n");
        for (int i = 0; i < CallIngestion.REPORTED_REJECTIONS + 5; i++) {
            body.append("2026-03-01T14:05:00Z,bad").append(i).append('\n');
        }
        body.append("2026-03-01T14:05:00Z,2025550143\n");
        JsonNode report = api.postAs(key, "/api/v1/calls", "text/csv", body.toString()).json();
        SourceKey other = sources.register(new SourceDraft(CallsClient.name("Other Source"), "blocking-app", null)).key();

        CallsClient.Answer mine = api.getAs(key, report.get("rejectionsUrl").asText());
        CallsClient.Answer theirs = api.getAs(other, report.get("rejectionsUrl").asText());

        assertThat(report.get("rejected").asLong()).isEqualTo(CallIngestion.REPORTED_REJECTIONS + 5);
        assertThat(report.get("rejectedRows")).hasSize(CallIngestion.REPORTED_REJECTIONS);
        assertThat(report.get("moreRejectedRows").asBoolean()).isTrue();
        assertThat(mine.status()).isEqualTo(200);
        String[] lines = mine.body().split("\r\n");
        assertThat(lines).hasSize(CallIngestion.REPORTED_REJECTIONS + 6);
        assertThat(lines[0]).isEqualTo("line,index,reasons");
        assertThat(lines[1]).isEqualTo("2,,\"callingNumber: 'bad0' is not a phone number\"");
        assertThat(lines[lines.length - 1]).startsWith("106,,");
        assertThat(theirs.status()).isEqualTo(404);
    }

    private List<String> storedIds() {
        return jdbc.queryForList("select source_call_id from call_record where source_id = ?", String.class, key.sourceId());
    }

    static UUID id(JsonNode node) {
        return UUID.fromString(node.asText());
    }
}
