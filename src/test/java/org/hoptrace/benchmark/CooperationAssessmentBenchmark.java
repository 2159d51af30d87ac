package org.hoptrace.benchmark;

import java.time.Duration;
import java.time.Instant;

import org.hoptrace.HoptraceApplication;
import org.hoptrace.cooperation.AssessmentRun;
import org.hoptrace.cooperation.CooperationAssessment;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly cooperation assessment over a year of hop history: providers (default 10,000) and
 * tracebacks of five hops (default 200,000, so 1,000,000 hops) written with generate_series, answers
 * of every kind (on time, late, none, not found, origin, foreign gateway, marked insufficient); then
 * the assessment runs a few times (the first warms up). Arguments: providers, tracebacks, runs (3).
 */
public final class CooperationAssessmentBenchmark {

    public static void main(String[] args) {
        int providers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int tracebacks = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HoptraceApplication.class)
                .profiles("test")
                .run("--server.port=0", "--logging.level.root=warn", "--logging.level.org.hoptrace=warn", "--logging.level.org.hoptrace.cooperation=info",
                        "--hoptrace.demo-data=false", "--hoptrace.outbox.enabled=false")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Instant started = Instant.now();
            generate(jdbc, providers, tracebacks);
            System.out.printf("%nGenerated %,d providers, %,d tracebacks, %,d hops, %,d answers in %.1f s%n",
                    count(jdbc, "provider"), count(jdbc, "traceback"), count(jdbc, "hop"), count(jdbc, "hop_answer"),
                    Duration.between(started, Instant.now()).toMillis() / 1000.0);

            CooperationAssessment assessment = app.getBean(CooperationAssessment.class);
            for (int run = 1; run <= runs; run++) {
                AssessmentRun result = assessment.run("staff", "benchmark");
                double seconds = result.durationMs() / 1000.0;
                System.out.printf("run %d%s: %,d providers in %.2f s = %,.0f providers/s; %,d status changes, %,d flags raised%n",
                        run, run == 1 ? " (warm-up)" : "", result.providersAssessed(), seconds,
                        result.providersAssessed() / seconds, result.statusChanges(), result.flagsRaised());
            }
            jdbc.query("""
                    select cooperation_status, count(*) from provider group by cooperation_status order by 1""",
                    rs -> { System.out.printf("  %-16s %,d providers%n", rs.getString(1), rs.getLong(2)); });
        }
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /**
     * Provider g has id 00000000-0000-0000-0000-{g in hex}; every 20th is foreign (GB). Most providers miss
     * 0.2% of their deadlines and answer 0.2% late; every 10th misses 5% and is late on 5%; every 50th never
     * answers half its hops. 2% of answers are "not found", 0.1% are marked insufficient; 2% of tracebacks
     * end at an origin, 1% at a foreign point of entry (the others are recorded as dead ends). Hop n of traceback g goes to a pseudo-random provider; the
     * traceback's time is spread over the last 365 days.
     */
    private static void generate(JdbcTemplate jdbc, int providers, int tracebacks) {
        jdbc.update("""
                insert into provider (provider_id, legal_name, country, role, contact_emails, created_at, updated_at)
                select ('00000000-0000-0000-0000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Bench Voice ' || g,
                       case when g % 20 = 0 then 'GB' else 'US' end, 'intermediate',
                       array['noc' || g || '@bench.example'], now(), now()
                from generate_series(1, ?) g""", providers);
        jdbc.execute("""
                create unlogged table bench_hop as
                select g, n, hop_id, provider, requested_at, r,
                       case when provider_no %% 50 = 0 and r < 500 then 'none'
                            when provider_no %% 50 = 0 and r < 600 then 'late'
                            when provider_no %% 10 = 0 and r < 50 then 'none'
                            when provider_no %% 10 = 0 and r < 100 then 'late'
                            when r < 2 then 'none'
                            when r < 4 then 'late'
                            else 'on-time' end as kind
                from (select g, n, gen_random_uuid() as hop_id, provider_no,
                             ('00000000-0000-0000-0000-' || lpad(to_hex(provider_no), 12, '0'))::uuid as provider,
                             now() - make_interval(secs => (g::bigint * 2654435761 %% 31536000)::double precision)
                                   + make_interval(hours => n) as requested_at,
                             (g::bigint * 7919 + n * 104729) %% 1000 as r
                      from (select g, n, ((g::bigint * 31 + n * 7919) %% %d) + 1 as provider_no
                            from generate_series(1, %d) g cross join generate_series(1, 5) n) numbered) hops"""
                .formatted(providers, tracebacks));
        jdbc.execute("""
                insert into traceback (traceback_id, reference, calling_number, called_number, call_time,
                                       terminating_provider_id, priority, status, outcome, created_by, created_at,
                                       completed_at)
                select ('10000000-0000-0000-0000-' || lpad(to_hex(g), 12, '0'))::uuid, 'BT-' || g, '+12025550143',
                       '+13125550178', requested_at, provider, 'normal', 'completed',
                       case when g % 50 = 0 then 'origin-found' when g % 100 = 6 then 'foreign-point-of-entry'
                            else 'dead-end' end,
                       'benchmark', requested_at, requested_at + interval '1 day'
                from bench_hop where n = 1""");
        jdbc.execute("""
                insert into hop (hop_id, traceback_id, hop_number, provider_id, status, requested_at, deadline, answered_at)
                select hop_id, ('10000000-0000-0000-0000-' || lpad(to_hex(g), 12, '0'))::uuid, n, provider,
                       case when kind = 'on-time' then 'answered' else 'non-responsive' end, requested_at,
                       requested_at + interval '24 hours',
                       case kind when 'on-time' then requested_at + interval '3 hours'
                                 when 'late' then requested_at + interval '40 hours' end
                from bench_hop""");
        jdbc.execute("""
                insert into hop_answer (hop_id, answer_type, upstream_provider_id, customer_name, explanation, channel,
                                        answered_by, received_at, late, fingerprint, insufficient_reason,
                                        marked_insufficient_by, marked_insufficient_at)
                select h.hop_id,
                       case when h.n = 5 and h.g %% 50 = 0 then 'origin'
                            when h.r between 600 and 619 then 'not-found'
                            else 'upstream-registered' end,
                       case when (h.n = 5 and h.g %% 50 = 0) or h.r between 600 and 619 then null
                            when h.n = 5 and h.g %% 100 = 6 then
                                ('00000000-0000-0000-0000-' || lpad(to_hex((h.g %% (%1$d / 20)) * 20 + 20), 12, '0'))::uuid
                            else next.provider end,
                       'Dialer Express', 'No CDR for this call', 'api', 'benchmark',
                       h.requested_at + case h.kind when 'late' then interval '40 hours' else interval '3 hours' end,
                       h.kind = 'late', md5(h.hop_id::text),
                       case when h.r = 999 then 'records do not show the upstream' end,
                       case when h.r = 999 then 'benchmark' end,
                       case when h.r = 999 then h.requested_at + interval '2 days' end
                from bench_hop h left join bench_hop next on next.g = h.g and next.n = h.n + 1
                where h.kind <> 'none'""".formatted(providers));
        jdbc.execute("drop table bench_hop");
        jdbc.execute("analyze");
    }
}
