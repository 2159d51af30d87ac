package org.hoptrace.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.hoptrace.HoptraceApplication;
import org.hoptrace.provider.Provider;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.operaton.bpm.engine.TaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service stops in the middle of an escalation, with its notices still in the outbox (the SMTP
 * server is down), and starts again on the same database. The escalation runs to the end of the ladder
 * and every notice reaches its recipient exactly once, also when a step's job runs a second time.
 * Runs in a JVM of its own, like {@code RestartTest}.
 */
@Tag("own-jvm")
class EscalationRestartTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext service;
    private GreenMail smtp;

    private ConfigurableApplicationContext startService(int smtpPort) {
        return new SpringApplicationBuilder(HoptraceApplication.class)
                .profiles("test")
                .run("--hoptrace.database.embedded.persistent=true",
                        "--hoptrace.database.embedded.data-directory=" + data.resolve("postgres"),
                        "--server.port=0", "--spring.mail.host=localhost", "--spring.mail.port=" + smtpPort,
                        "--hoptrace.outbox.initial-backoff=PT1S", "--hoptrace.outbox.max-backoff=PT1S",
                        "--hoptrace.outbox.max-attempts=100",
                        // no demo agencies: the test names every agency that may receive a referral
                        "--hoptrace.demo-data=false");
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.getBean(WorkflowEngine.class).clock().reset();
            service.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void afterARestartInTheMiddleOfAnEscalationNoNoticeIsSentTwice() throws Exception {
        service = startService(freePort());
        EscalationFixtures fixtures = service.getBean(EscalationFixtures.class);
        Provider provider = fixtures.provider(Provider.Role.GATEWAY, "US");
        UUID fcc = fixtures.agency("FCC Enforcement Bureau", "fcc", List.of(), List.of("non-cooperation-referral"), true);
        fixtures.flag(provider, fixtures.nonResponsiveHop(provider, "+13125550100"));
        Escalation escalation = fixtures.inCurePeriod(fixtures.escalationOf(provider));
        fixtures.passStepPeriod(escalation);
        service.getBean(TaskService.class).complete(fixtures.reviewTask(escalation).taskKey(),
                Map.of("decision", "confirm", "reviewReason", "no answer to three tracebacks"));
        fixtures.waitingAfter(escalation, Ladder.CEASE_AND_DESIST);
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where status = 'pending' and idempotency_key like ?",
                Integer.class, "escalation:" + escalation.id() + ":%")).as("notices waiting for the SMTP server").isEqualTo(6);
        service.getBean(WorkflowEngine.class).clock().reset();
        service.close();

        smtp = new GreenMail(new ServerSetup(freePort(), "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        service = startService(smtp.getSmtp().getPort());
        fixtures = service.getBean(EscalationFixtures.class);
        // a cease-and-desist job that runs again (its completion lost in the stop) finds its step and notices done
        service.getBean(EscalationSteps.class).enter(escalation.id(), Ladder.CEASE_AND_DESIST,
                Set.of(EscalationSteps.Recipient.PROVIDER, EscalationSteps.Recipient.AGENCIES), Duration.ofDays(14),
                List.of("state-attorney-general", "fcc"), List.of("IL"));
        for (String step : List.of(Ladder.CEASE_AND_DESIST, Ladder.PUBLIC_NOTICE, Ladder.INITIAL_DETERMINATION,
                Ladder.FINAL_DETERMINATION)) {
            fixtures.waitingAfter(escalation, step);
            fixtures.passStepPeriod(escalation);
        }
        assertThat(fixtures.closed(escalation).outcome()).isEqualTo(Escalation.Outcome.LADDER_COMPLETED);

        String agency = fixtures.agencyEmail(fcc);
        Set<String> expected = Set.of(
                "Warning notice -> " + provider.contactEmails().get(0),
                "Review non-cooperation -> itg-staff@hoptrace.example",
                "Referral to agencies -> " + provider.contactEmails().get(0),
                "Referral, Referral to agencies -> " + agency,
                "Cease-and-desist letter -> " + provider.contactEmails().get(0),
                "Referral, Cease-and-desist letter -> " + agency,
                "Public notice -> " + provider.contactEmails().get(0),
                "Referral, Public notice -> " + agency,
                "Initial determination order -> " + provider.contactEmails().get(0),
                "Referral, Initial determination order -> " + agency,
                "Final determination -> " + provider.contactEmails().get(0),
                "Referral, Final determination -> " + agency,
                "Removal from the Robocall Mitigation Database -> " + provider.contactEmails().get(0),
                "Referral, Removal from the Robocall Mitigation Database -> " + agency);
        Map<String, Long> received = await().atMost(Duration.ofSeconds(30)).until(() -> receivedAbout(escalation),
                r -> r.keySet().containsAll(expected));
        assertThat(received).containsOnlyKeys(expected).allSatisfy((notice, count) -> assertThat(count).as(notice).isOne());
    }

    private Map<String, Long> receivedAbout(Escalation escalation) {
        return java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> EscalationFixtures.subject(m).contains(escalation.reference()))
                .collect(Collectors.groupingBy(EscalationRestartTest::notice, Collectors.counting()));
    }

    private static String notice(MimeMessage message) {
        return EscalationFixtures.subject(message).split(":")[0] + " -> " + EscalationFixtures.recipients(message).get(0);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
