package org.hoptrace.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import org.hoptrace.HoptraceApplication;
import org.hoptrace.calls.SourceDraft;
import org.hoptrace.calls.SourceKey;
import org.hoptrace.calls.SourceService;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Call ingestion against PostgreSQL's own COPY, same run, same rows: a CSV file of N calls (default
 * 100,000; the figure is 1,000,000) in Hoptrace's layout, with transcripts, is
 * <ul>
 *   <li><b>copy</b>: loaded with plain {@code COPY ... FROM STDIN (FORMAT csv)} into a table defined exactly
 *       like {@code call_record} (same columns, defaults, constraints, indexes and foreign keys; checked before
 *       each round), no checks, no deduplication;</li>
 *   <li><b>api</b>: posted to {@code POST /api/v1/calls} over real HTTP with a source's key: parsed,
 *       checked, numbers normalised, streamed with COPY into {@code call_record} (see {@code CallIngestion}).</li>
 * </ul>
 * A warm-up of 10,000 rows runs both first. Campaign detection is switched off: it would otherwise start
 * after each batch and compete for the CPU. Peak heap is sampled every 20 ms during each phase (the server
 * and the client share this JVM; the client streams the file). Arguments: rows (100000), rounds (1).
 */
public final class CallIngestBenchmark {

    private static final String[] TRANSCRIPTS = {
            "This is an important message from the Social Security Administration. Your social security number has been "
                    + "suspended due to suspicious activity. Press one to speak to an officer now.",
            "We have been trying to reach you concerning your car's extended warranty. This is your final courtesy call "
                    + "before we close the file. Press one to speak with a warranty specialist.",
            "Your electricity will be disconnected within thirty minutes because of an unpaid balance. Call our billing "
                    + "department immediately to avoid disconnection.",
            "Hello, this is Amazon customer service. An order of an iPhone for one thousand four hundred ninety nine "
                    + "dollars was placed on your account. If you did not authorise this press one."};

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path warmUp = generate(10_000);
        Path file = generate(rows);
        System.out.printf("%nGenerated %,d rows, %,.1f MB CSV%n", rows, Files.size(file) / 1e6);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HoptraceApplication.class)
                .profiles("test")
                .run("--server.port=0", "--logging.level.root=warn", "--logging.level.org.hoptrace=warn",
                        "--logging.level.org.hoptrace.calls.CallIngestion=debug",
                        "--hoptrace.demo-data=false", "--hoptrace.outbox.enabled=false",
                        // campaign detection would run after each batch, in the background, and take the CPU
                        // from the next timed phase: switched off, it is not what is measured here
                        "--hoptrace.campaigns.detection.on-ingest=false", "--hoptrace.campaigns.detection.cron=-")) {
            var bench = new CallIngestBenchmark(app);
            bench.copy(warmUp);
            bench.api(warmUp);
            System.out.println("warm-up done (10,000 rows each)");
            for (int round = 1; round <= rounds; round++) {
                Result copy = bench.copy(file);
                Result api = bench.api(file);
                System.out.printf("round %d, %,d rows%n", round, rows);
                System.out.printf("  plain COPY : %6.2f s  %,10.0f rows/s  peak heap %,6.0f MB, live after GC %,6.0f MB%n",
                        copy.seconds(), copy.rowsPerSecond(), copy.peakHeapMb(), copy.peakLiveMb());
                System.out.printf("  API        : %6.2f s  %,10.0f rows/s  peak heap %,6.0f MB, live after GC %,6.0f MB"
                        + "  (%,d accepted)%n", api.seconds(), api.rowsPerSecond(), api.peakHeapMb(), api.peakLiveMb(),
                        api.rows());
                System.out.printf("  API / COPY : %.0f%% of COPY's rows/s (target >= 50%%)%n",
                        100 * api.rowsPerSecond() / copy.rowsPerSecond());
            }
            System.out.printf("max heap (-Xmx) %,d MB%n", Runtime.getRuntime().maxMemory() / 1_000_000);
        } finally {
            Files.deleteIfExists(warmUp);
            Files.deleteIfExists(file);
        }
    }

    record Result(long rows, double seconds, double peakHeapMb, double peakLiveMb) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final SourceService sources;
    private final ObjectMapper json;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private CallIngestBenchmark(ConfigurableApplicationContext app) {
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.dataSource = app.getBean(DataSource.class);
        this.sources = app.getBean(SourceService.class);
        this.json = app.getBean(ObjectMapper.class);
        this.port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /**
     * Plain COPY of the file into a fresh table defined exactly like call_record: same columns, defaults (the
     * same call_id sequence), check constraints, primary key, unique key, indexes (partial ones too) and
     * foreign keys; only source_id and received_at come from defaults instead of the rows.
     */
    private Result copy(Path file) throws Exception {
        UUID source = sources.register(new SourceDraft("Benchmark COPY " + UUID.randomUUID(), "carrier", null)).source().id();
        jdbc.execute("drop table if exists bench_call_copy");
        jdbc.execute("create table bench_call_copy (like call_record including all)");
        jdbc.execute("alter table bench_call_copy alter column source_id set default '" + source + "', "
                + "alter column received_at set default now(), "
                + "add foreign key (source_id) references call_source, add foreign key (campaign_id) references campaign");
        List<String> expected = definition("call_record");
        List<String> actual = definition("bench_call_copy");
        if (!expected.equals(actual)) {
            throw new IllegalStateException("bench_call_copy is not defined like call_record:\n" + expected + "\n" + actual);
        }
        return measure(() -> {
            try (Connection connection = dataSource.getConnection(); Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy bench_call_copy (source_call_id, calling_number, called_number, call_time, duration_seconds,
                                              attestation, origination_id, verdict, transcript, callback_number, called_state)
                        from stdin (format csv, header true)""", in);
            }
        });
    }

    /** Indexes and constraints of a table, with the table's name taken out, to compare two tables. */
    private List<String> definition(String table) {
        List<String> parts = new ArrayList<>(jdbc.queryForList("""
                select regexp_replace(regexp_replace(pg_get_indexdef(indexrelid), '^.* USING ', ''), '\\s+', ' ', 'g')
                from pg_index where indrelid = ?::regclass""", String.class, table));
        parts.addAll(jdbc.queryForList("""
                select contype::text || ' ' || pg_get_constraintdef(oid) from pg_constraint where conrelid = ?::regclass""",
                String.class, table));
        parts.addAll(jdbc.queryForList("""
                select attname || ' ' || format_type(atttypid, atttypmod) || ' ' || attnotnull
                       || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
                from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where attrelid = ?::regclass and attnum > 0 and not attisdropped
                  and attname not in ('source_id', 'received_at')""", String.class, table));
        Collections.sort(parts);
        return parts;
    }

    /** The file through POST /api/v1/calls, as a new source. */
    private Result api(Path file) throws Exception {
        SourceKey key = sources.register(new SourceDraft("Benchmark " + UUID.randomUUID(), "carrier", null)).key();
        return measure(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/calls"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (key.prefix() + ":" + key.key()).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "text/csv").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("API answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode report = json.readTree(response.body());
            if (report.get("rejected").asLong() != 0) {
                throw new IllegalStateException("rows rejected: " + report.get("rejectedRows"));
            }
            return report.get("accepted").asLong();
        });
    }

    interface Load {
        long run() throws Exception;
    }

    /**
     * Runs a phase, sampling every 20 ms the heap in use (garbage included, so it depends on when the collector
     * runs), and taking after every collection the heap still in use (what the phase really holds).
     */
    private static Result measure(Load load) throws Exception {
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        AtomicLong live = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        NotificationListener afterGc = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                live.accumulateAndGet(info.getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum()
                        - nonHeap(info.getMemoryUsageAfterGc()), Math::max);
            }
        };
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(afterGc, null, null);
        }
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        long rows = load.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).removeNotificationListener(afterGc);
        }
        return new Result(rows, seconds, peak.get() / 1e6, live.get() / 1e6);
    }

    /** The part of a collection's "after" figures that is not heap (code cache, metaspace, ...). */
    private static long nonHeap(java.util.Map<String, MemoryUsage> after) {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() != MemoryType.HEAP)
                .map(pool -> after.get(pool.getName())).filter(java.util.Objects::nonNull).mapToLong(MemoryUsage::getUsed).sum();
    }

    /** N calls in Hoptrace's CSV layout: E.164 numbers, UTC times, transcripts with small variations. */
    private static Path generate(long rows) throws IOException {
        Path file = Files.createTempFile("hoptrace-calls-", ".csv");
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        String[] states = {"TX", "CA", "NY", "FL", "OH", "GA"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("sourceCallId,callingNumber,calledNumber,callTime,durationSeconds,attestation,originationId,verdict,"
                    + "transcript,callbackNumber,calledState\n");
            for (long i = 0; i < rows; i++) {
                long mix = i * 2654435761L;
                String transcript = TRANSCRIPTS[(int) (i % TRANSCRIPTS.length)];
                if (i % 7 == 0) {
                    transcript = transcript.substring(0, transcript.length() - 30);
                }
                out.write("call-" + i + ",+1202" + (5550000 + Math.floorMod(mix, 9_999)) + ",+1312" + (5550000 + i % 10_000)
                        + "," + start.plusSeconds(i % 2_592_000) + "," + (i % 120) + "," + "ABC".charAt((int) (i % 3))
                        + "," + new UUID(mix, i) + ",scam-likely,\"" + transcript + "\",+1888555" + String.format("%04d", i % 50)
                        + "," + states[(int) (i % states.length)] + "\n");
            }
        }
        return file;
    }
}
