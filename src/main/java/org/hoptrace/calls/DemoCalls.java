package org.hoptrace.calls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A demo data source with three days of fictional calls, so that a fresh start has campaigns to look at:
 * four robocall scripts (SSA impersonation, auto warranty, a brand impersonation, utility disconnection)
 * heard with the small differences real transcripts have, plus one-off calls. Loaded through the same
 * ingestion as any batch (detection then groups them, and the campaign thresholds may ask staff for a
 * review). Only when {@code hoptrace.demo-data} (and {@code hoptrace.demo-calls}) is on and the demo source does not exist yet; the numbers
 * are from the 555-01xx range reserved for fiction.
 */
@Component
@ConditionalOnProperty(name = {"hoptrace.demo-data", "hoptrace.demo-calls"}, havingValue = "true", matchIfMissing = true)
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoCalls implements ApplicationRunner {

    static final String SOURCE_NAME = "Demo blocking app";

    private static final Logger log = LoggerFactory.getLogger(DemoCalls.class);

    private static final List<Script> SCRIPTS = List.of(
            new Script("+12025550100", 260, "This is an urgent message from the Social Security Administration. Your social "
                    + "security number has been suspended due to suspicious activity. To avoid legal action and an arrest "
                    + "warrant press one now to speak with a federal agent"),
            new Script("+18005550101", 220, "We have been trying to reach you concerning your vehicle's extended warranty. "
                    + "You should have received something in the mail about your car's extended warranty. Since we have not "
                    + "heard back from you we are giving you a final courtesy call before we close out your file"),
            new Script("+18885550102", 150, "Hello this is Amazon customer service. We detected a suspicious purchase of "
                    + "an iPhone for one thousand four hundred ninety nine dollars on your account. If you did not make "
                    + "this purchase press one to speak with our fraud department"),
            new Script("+18665550103", 120, "Final notice from your electric utility. Your power will be disconnected "
                    + "within thirty minutes due to an unpaid balance. Call our disconnection department immediately to "
                    + "make a payment and keep your service on"));

    private static final String[] CALLED_AREA_CODES = {"312", "773", "217", "317", "512", "214", "212", "415", "602"};

    private final SourceService sources;
    private final CallIngestion ingestion;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    DemoCalls(SourceService sources, CallIngestion ingestion, JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.sources = sources;
        this.ingestion = ingestion;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    private record Script(String callbackNumber, int calls, String text) {
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (jdbc.queryForObject("select count(*) from call_source where lower(name) = lower(?)", Long.class,
                SOURCE_NAME) > 0) {
            return;
        }
        UUID terminating = jdbc.queryForList("select provider_id from provider where role = 'terminating' "
                + "order by legal_name limit 1", UUID.class).stream().findFirst().orElse(null);
        UUID source;
        try {
            source = sources.register(new SourceDraft(SOURCE_NAME, "blocking-app", "data@blocking-app.example",
                    terminating)).source().id();
        } catch (SourceNameTakenException e) {
            return; // another instance registered it at the same time
        }
        byte[] batch = ndjson(calls(clock.instant()));
        IngestReport report = ingestion.ingest(source, CallIngestion.Channel.API, "demo data", CallFormat.NDJSON, null,
                StandardCharsets.UTF_8, new ByteArrayInputStream(batch));
        log.info("Loaded {} demo calls from '{}'", report.accepted(), SOURCE_NAME);
    }

    /** The calls of the last three days, oldest first, the same on every fresh start. */
    static List<Map<String, Object>> calls(Instant now) {
        Random random = new Random(20261129);
        Instant start = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3));
        long window = Duration.ofDays(3).minusHours(1).toSeconds();
        List<Map<String, Object>> calls = new ArrayList<>();
        int id = 0;
        for (Script script : SCRIPTS) {
            String spoofedPrefix = "+1" + CALLED_AREA_CODES[random.nextInt(CALLED_AREA_CODES.length)] + "555";
            for (int i = 0; i < script.calls(); i++) {
                calls.add(call(++id, start.plusSeconds(random.nextLong(window)),
                        spoofedPrefix + "01" + (10 + random.nextInt(90)), random, heard(script.text(), random),
                        random.nextInt(10) < 6 ? script.callbackNumber() : null));
            }
        }
        for (int i = 0; i < 80; i++) {
            calls.add(call(++id, start.plusSeconds(random.nextLong(window)), "+1" + CALLED_AREA_CODES[random.nextInt(
                    CALLED_AREA_CODES.length)] + "55501" + (10 + random.nextInt(90)), random, oneOff(random), null));
        }
        calls.sort((a, b) -> ((String) a.get("callTime")).compareTo((String) b.get("callTime")));
        return calls;
    }

    private static Map<String, Object> call(int id, Instant at, String calling, Random random, String transcript,
                                            String callback) {
        String called = "+1" + CALLED_AREA_CODES[random.nextInt(CALLED_AREA_CODES.length)] + "55501"
                + (10 + random.nextInt(90));
        String attestation = List.of("A", "B", "C", "C").get(random.nextInt(4));
        var call = new java.util.LinkedHashMap<String, Object>();
        call.put("sourceCallId", "demo-" + id);
        call.put("callingNumber", calling);
        call.put("calledNumber", called);
        call.put("callTime", at.toString());
        call.put("durationSeconds", 20 + random.nextInt(40));
        call.put("attestation", attestation);
        call.put("originationId", "demo-orig-" + random.nextInt(5));
        call.put("transcript", transcript);
        if (callback != null) {
            call.put("callbackNumber", callback);
        }
        return call;
    }

    private static final String[] WORDS = ("dentist pharmacy school library reminder package delivery tuesday friday "
            + "morning afternoon order pickup prescription refill survey volunteer meeting invoice parking garden "
            + "plumber estimate window kitchen roof inspection insurance renewal flight gate baggage hotel booking "
            + "recital practice coach soccer field tickets concert choir rehearsal church bake sale clinic vaccine "
            + "lab results bank branch teller loan officer mortgage closing lawyer office court jury summons").split(" ");

    /** A message nobody else got: words drawn at random, so no two share more than a stray phrase. */
    private static String oneOff(Random random) {
        StringBuilder message = new StringBuilder("Hello");
        for (int i = 0; i < 14; i++) {
            message.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return message.toString();
    }

    /** The script as a transcription service hears it: a few words lost, some calls cut off early. */
    private static String heard(String script, Random random) {
        String[] words = script.split(" ");
        int end = random.nextInt(4) == 0 ? words.length * (6 + random.nextInt(4)) / 10 : words.length;
        StringBuilder heard = new StringBuilder();
        for (int i = 0; i < end; i++) {
            if (random.nextInt(30) == 0) {
                continue;
            }
            heard.append(heard.isEmpty() ? "" : " ").append(words[i]);
        }
        return heard.toString();
    }

    private byte[] ndjson(List<Map<String, Object>> calls) {
        StringBuilder lines = new StringBuilder();
        for (Map<String, Object> call : calls) {
            try {
                lines.append(json.writeValueAsString(call)).append('\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }
}
