package org.hoptrace.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.hoptrace.HoptraceApplication;
import org.hoptrace.traceback.NewTraceback;
import org.hoptrace.traceback.SimulatedProviders;
import org.hoptrace.traceback.Traceback;
import org.hoptrace.traceback.TracebackService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Five-hop tracebacks whose providers answer through the REST API as soon as their signed webhook
 * arrives: hops per second, and the time from an answer received to the next hop's request sent
 * (webhook delivered by the outbox relay). The raw-engine yardstick of {@link PortOverheadBenchmark}
 * runs in the same service, before and after. Two phases: saturation (all tracebacks opened at once:
 * the most hops per second) and paced (tracebacks opened at a steady rate below saturation: the
 * latency a provider sees in normal operation). Arguments: tracebacks (default 200), hops (5),
 * paced tracebacks per second (2; 0 skips the phase).
 */
public final class TracebackBenchmark {

    public static void main(String[] args) throws Exception {
        int tracebacks = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int hops = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double pacedPerSecond = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        GreenMail smtp = new GreenMail(new ServerSetup(0, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (SimulatedProviders providers = new SimulatedProviders();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(HoptraceApplication.class)
                     .profiles("test")
                     .run("--server.port=0", "--logging.level.root=warn", "--logging.level.org.hoptrace=warn",
                             "--spring.mail.port=" + smtp.getSmtp().getPort(), "--hoptrace.demo-data=false")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            providers.answerTo(() -> "http://localhost:" + port);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            List<SimulatedProviders.Registered> chain = new ArrayList<>();
            for (int i = 0; i < hops; i++) {
                chain.add(providers.register(jdbc, "Benchmark Voice " + i, "noc" + i + "@bench-voice.example"));
            }
            providers.chain(chain);
            RawEngineLoop raw = new RawEngineLoop(app, 8);
            raw.deploy();
            double rawBefore = rate(raw, 1000);

            TracebackService service = app.getBean(TracebackService.class);
            UUID terminating = chain.get(0).id();
            run(service, jdbc, terminating, Math.max(10, tracebacks / 10), 0);

            // saturation: every traceback opened at once, the most hops per second the service manages
            Instant started = Instant.now();
            List<UUID> flood = run(service, jdbc, terminating, tracebacks, 0);
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            double rawAfter = rate(raw, 1000);
            int allHops = tracebacks * hops;
            System.out.printf("%nSaturation: %d tracebacks of %d hops opened at once (%d hops) in %.1f s: %.1f hops/s, %.1f tracebacks/s%n",
                    tracebacks, hops, allHops, seconds, allHops / seconds, tracebacks / seconds);
            report(jdbc, flood);

            // paced: tracebacks opened at a steady rate below saturation, the latency a provider sees
            if (pacedPerSecond > 0) {
                int paced = (int) Math.max(20, pacedPerSecond * 60);
                started = Instant.now();
                List<UUID> steady = run(service, jdbc, terminating, paced, pacedPerSecond);
                seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
                System.out.printf("%nPaced: %d tracebacks opened at %.1f/s (%.1f hops/s offered), done in %.1f s%n",
                        paced, pacedPerSecond, pacedPerSecond * hops, seconds);
                report(jdbc, steady);
            }
            System.out.printf("%nraw engine (start -> one job -> end): %.0f instances/s before, %.0f after the saturation run%n",
                    rawBefore, rawAfter);
            System.out.printf("answer failures: %d, webhook deliveries: %d%n", providers.answerFailures().size(),
                    providers.deliveries().size());
        } finally {
            smtp.stop();
        }
    }

    /**
     * Per answered hop: answer received -> next hop opened (engine: message, routing decision, open-hop
     * job) -> its request enqueued (deadline decision, send-request job) -> its webhook sent (relay).
     */
    private static void report(JdbcTemplate jdbc, List<UUID> ids) {
        List<long[]> stages = jdbc.query("""
                select (extract(epoch from next.requested_at - a.received_at) * 1000)::bigint,
                       (extract(epoch from o.created_at - next.requested_at) * 1000)::bigint,
                       (extract(epoch from o.sent_at - o.created_at) * 1000)::bigint,
                       (extract(epoch from o.sent_at - a.received_at) * 1000)::bigint
                from hop h join hop_answer a on a.hop_id = h.hop_id
                join hop next on next.traceback_id = h.traceback_id and next.hop_number = h.hop_number + 1
                join outbox_message o on o.idempotency_key like next.hop_id || ':%:webhook'
                where h.traceback_id = any (?)""", (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2),
                rs.getLong(3), rs.getLong(4)}, (Object) ids.toArray(UUID[]::new));
        String[] names = {"answer -> next hop opened", "hop opened -> request enqueued", "enqueued -> webhook sent",
                "answer -> next request sent"};
        for (int i = 0; i < names.length; i++) {
            int column = i;
            List<Long> part = stages.stream().map(stage -> stage[column]).sorted().toList();
            System.out.printf("  %-32s p50 %5d ms, p90 %5d ms, p99 %5d ms, max %5d ms (%d hops)%n", names[i],
                    percentile(part, 50), percentile(part, 90), percentile(part, 99), part.get(part.size() - 1),
                    part.size());
        }
    }

    /** Opens tracebacks, all at once (perSecond 0) or at a steady rate, and waits until all are closed. */
    private static List<UUID> run(TracebackService service, JdbcTemplate jdbc, UUID terminating, int count,
                                  double perSecond) throws InterruptedException {
        List<UUID> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService openers = Executors.newFixedThreadPool(4);
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (perSecond > 0) {
                long due = started + (long) (i * 1e9 / perSecond);
                TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
            }
            openers.execute(() -> ids.add(service.open(new NewTraceback("+12025550143", "+13125550178",
                    Instant.parse("2026-11-20T15:04:05Z"), "benchmark", "C", null, terminating,
                    Traceback.Priority.NORMAL), "benchmark").id()));
        }
        openers.shutdown();
        openers.awaitTermination(10, TimeUnit.MINUTES);
        UUID[] array = ids.toArray(UUID[]::new);
        while (jdbc.queryForObject("select count(*) from traceback where status = 'open' and traceback_id = any (?)",
                Integer.class, (Object) array) > 0) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return ids;
    }

    private static double rate(RawEngineLoop raw, int instances) throws Exception {
        long started = System.nanoTime();
        raw.run(instances);
        return instances / ((System.nanoTime() - started) / 1e9);
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
