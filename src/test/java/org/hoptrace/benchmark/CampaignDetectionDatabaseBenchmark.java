package org.hoptrace.benchmark;

import java.io.StringReader;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.hoptrace.HoptraceApplication;
import org.hoptrace.campaign.detection.CampaignDetection;
import org.hoptrace.campaign.detection.DetectionRun;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database path of {@link CampaignDetectionBenchmark}: the labelled calls COPYed into call_record (not
 * timed), then one detection run over all of them through {@link CampaignDetection} (timed): reading in chunks,
 * grouping, creating campaigns, assigning calls, statistics.
 */
final class CampaignDetectionDatabaseBenchmark {

    private CampaignDetectionDatabaseBenchmark() {
    }

    static void run(int size) throws Exception {
        SyntheticCalls data = new SyntheticCalls(size, 42);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HoptraceApplication.class)
                .profiles("test")
                .run("--server.port=0", "--logging.level.root=warn", "--logging.level.org.hoptrace=warn",
                        "--logging.level.org.hoptrace.campaign.detection=debug", "--hoptrace.demo-data=false",
                        "--hoptrace.outbox.enabled=false", "--hoptrace.campaigns.detection.on-ingest=false")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            UUID source = jdbc.queryForObject("""
                    insert into call_source (name, kind, created_at, updated_at) values ('benchmark', 'carrier', now(), now())
                    returning source_id""", UUID.class);
            long loading = System.nanoTime();
            copy(app.getBean(DataSource.class), source, data);
            jdbc.execute("analyze call_record");
            System.out.printf("database: %,d calls loaded with COPY in %.1f s%n", size,
                    CampaignDetectionBenchmark.seconds(loading));

            DetectionRun run = app.getBean(CampaignDetection.class).run();
            System.out.printf("database: detection run over %,d calls in %.2f s = %,.0f calls/s; %,d assigned, "
                            + "%,d campaigns created%n", run.newCalls(), run.millis() / 1000.0,
                    run.newCalls() / (run.millis() / 1000.0), run.assigned(), run.created());

            Map<UUID, Integer> numbers = new HashMap<>();
            int[] found = new int[size];
            jdbc.query("select source_call_id, campaign_id from call_record where source_id = ?", rs -> {
                UUID campaign = rs.getObject(2, UUID.class);
                found[Integer.parseInt(rs.getString(1))] = campaign == null ? -1
                        : numbers.computeIfAbsent(campaign, c -> numbers.size());
            }, source);
            System.out.printf("database: %s%n", GroupingQuality.of(found, data.labels, data.campaigns));
            long checked = jdbc.queryForObject("""
                    select count(*) from campaign c where call_count <> (select count(*) from call_record r
                    where r.campaign_id = c.campaign_id)""", Long.class);
            System.out.printf("database: campaigns whose call_count differs from their calls: %d%n", checked);
            if (System.getProperty("hold") != null) {
                System.out.println("HOLD " + jdbc.queryForObject("select current_setting('port')", String.class));
                while (!new java.io.File(System.getProperty("hold")).exists()) {
                    Thread.sleep(1000);
                }
            }
        }
    }

    private static void copy(DataSource dataSource, UUID source, SyntheticCalls data) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            int batch = 50_000;
            for (int from = 0; from < data.size; from += batch) {
                StringBuilder rows = new StringBuilder();
                for (int i = from; i < Math.min(data.size, from + batch); i++) {
                    rows.append(source).append('\t').append(i).append('\t').append(data.calling[i]).append('\t')
                            .append(data.called[i]).append('\t')
                            .append(java.time.Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i % 86_400L * 7))
                            .append('\t').append("ABC".charAt(i % 3)).append('\t')
                            .append(data.transcripts[i] == null ? "\\N" : data.transcripts[i]).append('\t')
                            .append(data.callbacks[i] == null ? "\\N" : data.callbacks[i]).append('\t')
                            .append("2026-03-08T00:00:00Z\n");
                }
                copy.copyIn("copy call_record (source_id, source_call_id, calling_number, called_number, call_time, "
                        + "attestation, transcript, callback_number, received_at) from stdin", new StringReader(rows.toString()));
            }
        }
    }
}
