package org.hoptrace.campaign.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.calls.CallsIngested;
import org.hoptrace.campaign.CampaignsUpdated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Detection over the database: calls written with plain SQL, campaigns and their statistics read back. */
@HoptraceTest
@RecordApplicationEvents
class CampaignDetectionTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:15:00Z");

    @Autowired
    CampaignDetection detection;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    ApplicationEvents events;
    @Autowired
    ObjectMapper json;

    private UUID source;
    private String marker;
    private int next;

    @BeforeEach
    void source() {
        marker = letters(System.nanoTime()); // letters only: a word with a digit is read as "a number"
        source = jdbc.queryForObject("""
                insert into call_source (name, kind, created_at, updated_at) values (?, 'carrier', now(), now())
                returning source_id""", UUID.class, "Detection test " + marker);
    }

    @Test
    void nearDuplicatesAndTruncatedVariantsBecomeOneCampaignWithExactStatistics() throws Exception {
        String message = warranty();
        long a = call(message, "+12025550101", "+13125550101", "A", null, null, T0);
        long b = call(message.replace("courtesy", "polite"), "+12025550102", "+14155550102", "B", "TX", "+18885550111", T0.plusSeconds(600));
        long c = call(CallGroupingTest.truncate(message, 0.6), "+12025550101", "+13125550103", null, null, "+18885550111",
                T0.plusSeconds(3600));
        long d = call(message.replace("close", "shut"), "+12025550103", "+19995550104", "C", null, "+18885550222",
                T0.plusSeconds(7300));
        long other = call(CallGroupingTest.LOANS + " " + marker, "+12025550109", "+13125550109", "A", null, null, T0);

        DetectionRun run = detection.run();

        UUID campaign = campaignOf(a);
        assertThat(campaign).isNotNull();
        assertThat(List.of(campaignOf(b), campaignOf(c), campaignOf(d))).containsOnly(campaign);
        assertThat(campaignOf(other)).as("one call of another message is no campaign").isNull();
        assertThat(run.changed()).contains(campaign);
        Map<String, Object> row = jdbc.queryForMap("select * from campaign where campaign_id = ?", campaign);
        assertThat((String) row.get("reference")).matches("CMP-\\d{4}-\\d{6}");
        assertThat(row.get("category")).isEqualTo("auto-warranty");
        assertThat((String) row.get("name")).startsWith("we " + marker + letters(1) + " been trying");
        assertThat((String) row.get("representative_transcript")).doesNotEndWith("about your car's");
        assertThat(row.get("call_count")).isEqualTo(4L);
        assertThat(((Timestamp) row.get("first_seen")).toInstant()).isEqualTo(T0);
        assertThat(((Timestamp) row.get("last_seen")).toInstant()).isEqualTo(T0.plusSeconds(7300));
        assertThat(row.get("distinct_calling_numbers")).isEqualTo(3L);
        assertThat(List.of(row.get("attestation_a"), row.get("attestation_b"), row.get("attestation_c"),
                row.get("attestation_none"))).containsExactly(1L, 1L, 1L, 1L);
        assertThat(json.readValue(row.get("called_states").toString(), Map.class))
                .as("sent state, else the area code's; 999 is no US area code").isEqualTo(Map.of("IL", 2, "TX", 1));
        assertThat((String[]) ((java.sql.Array) row.get("callback_numbers")).getArray())
                .containsExactly("+18885550111", "+18885550222");
        assertThat(jdbc.queryForList("select hour, calls from campaign_volume where campaign_id = ? order by hour",
                campaign)).extracting(r -> ((Timestamp) r.get("hour")).toInstant() + "=" + r.get("calls"))
                .containsExactly("2026-03-02T10:00:00Z=2", "2026-03-02T11:00:00Z=1", "2026-03-02T12:00:00Z=1");
        assertThat(events.stream(CampaignsUpdated.class)).anyMatch(e -> e.campaignIds().contains(campaign));
    }

    @Test
    void newCallsJoinTheExistingCampaignAndReRunningChangesNothing() {
        String message = warranty();
        long first = call(message, "+12025550201", "+13125550201", "A", null, null, T0);
        call(message.replace("courtesy", "polite"), "+12025550202", "+13125550202", "A", null, null, T0);
        call(message.replace("one to", "1 to"), "+12025550203", "+13125550203", "A", null, null, T0);
        detection.run();
        UUID campaign = campaignOf(first);
        assertThat(campaign).isNotNull();
        String before = snapshot(campaign);

        DetectionRun again = detection.run();
        assertThat(again.newCalls()).isZero();
        assertThat(again.changed()).isEmpty();
        assertThat(snapshot(campaign)).isEqualTo(before);

        long later = call(CallGroupingTest.truncate(message.replace("received", "gotten"), 0.7), "+12025550204", "+13125550204",
                "B", null, null, T0.plus(Duration.ofDays(1)));
        DetectionRun joined = detection.run();
        assertThat(campaignOf(later)).isEqualTo(campaign);
        assertThat(joined.created()).isZero();
        assertThat(jdbc.queryForObject("select call_count from campaign where campaign_id = ?", Long.class, campaign))
                .isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from campaign where name like ?", Long.class,
                "we " + marker + "%")).isEqualTo(1);
    }

    @Test
    void callsWaitForSimilarCallsAcrossRuns() {
        String message = "final notice from " + marker + " energy your electric service will be disconnected within "
                + "two hours because of a past due bill press one to speak to the disconnection department now";
        long a = call(message, "+12025550301", "+13125550301", "A", null, null, T0);
        long b = call(message.replace("two", "three"), "+12025550302", "+13125550302", "A", null, null, T0);
        detection.run();
        assertThat(campaignOf(a)).isNull();

        long c = call(message.replace("now", "today"), "+12025550303", "+13125550303", "A", null, null, Instant.now());
        jdbc.update("update call_record set call_time = now() where call_id in (?, ?)", a, b);
        detection.run();
        UUID campaign = campaignOf(c);
        assertThat(campaign).isNotNull();
        assertThat(List.of(campaignOf(a), campaignOf(b))).containsOnly(campaign);
        assertThat(jdbc.queryForObject("select category from campaign where campaign_id = ?", String.class, campaign))
                .isEqualTo("utility-disconnection");
    }

    @Test
    void callsWithOneCallbackNumberAreOneCampaignAndLaterOnesJoinIt() {
        String callback = "+1888" + (5_000_000 + (int) (System.nanoTime() % 1_000_000));
        long a = call("your " + marker + " account was locked call us back", "+12025550401", "+13125550401", null, null,
                callback, T0);
        long b = call(null, "+12025550402", "+13125550402", null, null, callback, T0);
        long c = call("a refund of " + marker + " is waiting press nine", "+12025550403", "+13125550403", null, null,
                callback, T0);
        detection.run();
        UUID campaign = campaignOf(a);
        assertThat(campaign).isNotNull();
        assertThat(List.of(campaignOf(b), campaignOf(c))).containsOnly(campaign);

        long d = call(null, "+14155550404", "+13125550404", null, null, callback, T0.plusSeconds(60));
        detection.run();
        assertThat(campaignOf(d)).isEqualTo(campaign);
        assertThat(jdbc.queryForObject("select callback_numbers[1] from campaign where campaign_id = ?", String.class,
                campaign)).isEqualTo(callback);
    }

    @Test
    void ingestedCallsAreGroupedInTheBackground() {
        String message = warranty();
        long a = call(message, "+12025550501", "+13125550501", "A", null, null, T0);
        call(message, "+12025550502", "+13125550502", "A", null, null, T0);
        call(message, "+12025550503", "+13125550503", "A", null, null, T0);

        publisher.publishEvent(new CallsIngested(source, 3));

        await().atMost(Duration.ofSeconds(30)).until(() -> campaignOf(a) != null);
    }

    /** The warranty message with every third word made unique to this test, so tests do not share campaigns. */
    private String warranty() {
        String[] words = CallGroupingTest.WARRANTY.split(" ");
        for (int i = 1; i < words.length; i += 3) {
            if (!words[i].contains("warrant") && !words[i].contains("vehicle")) {
                words[i] = marker + letters(i);
            }
        }
        return String.join(" ", words);
    }

    private static String letters(long number) {
        StringBuilder letters = new StringBuilder("zq");
        for (long n = number; n > 0; n /= 26) {
            letters.append((char) ('a' + n % 26));
        }
        return letters.toString();
    }

    private long call(String transcript, String calling, String called, String attestation, String state,
                      String callback, Instant at) {
        return jdbc.queryForObject("""
                insert into call_record (source_id, source_call_id, calling_number, called_number, call_time,
                                         attestation, transcript, callback_number, called_state, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, now()) returning call_id""", Long.class,
                source, "c" + next++, calling, called, Timestamp.from(at), attestation, transcript, callback, state);
    }

    private UUID campaignOf(long callId) {
        return jdbc.queryForObject("select campaign_id from call_record where call_id = ?", UUID.class, callId);
    }

    private String snapshot(UUID campaign) {
        return jdbc.queryForMap("""
                select call_count, distinct_calling_numbers, called_states::text, first_seen, last_seen, updated_at,
                       (select sum(calls) from campaign_volume v where v.campaign_id = c.campaign_id) as volume
                from campaign c where campaign_id = ?""", campaign).toString();
    }
}
