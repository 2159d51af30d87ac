package org.hoptrace.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.hoptrace.HoptraceTest;
import org.hoptrace.provider.Provider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The flag intake keeps going when one flag cannot be handled. */
@HoptraceTest
class FlagIntakeTest {

    @Autowired EscalationFixtures fixtures;
    @Autowired FlagIntake intake;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aFlagThatFailsDoesNotHoldBackTheFlagsBehindIt() {
        Provider broken = fixtures.provider(Provider.Role.INTERMEDIATE, "US");
        Provider fine = fixtures.provider(Provider.Role.INTERMEDIATE, "US");
        // the database refuses an escalation for one provider, as a real fault would
        jdbc.execute("""
                create function refuse_escalation() returns trigger language plpgsql as $$
                begin raise exception 'escalations of this provider are refused for the test'; end $$""");
        jdbc.execute("create trigger refuse_escalation before insert on escalation for each row "
                + "when (new.provider_id = '" + broken.id() + "') execute function refuse_escalation()");
        try {
            long first = fixtures.flag(broken, fixtures.nonResponsiveHop(broken, "+13125550100"));
            long second = fixtures.flag(fine, fixtures.nonResponsiveHop(fine, "+13125550100"));

            intake.handleAll();

            await("the flag behind the failing one").atMost(Duration.ofSeconds(10)).until(() -> handled(second));
            assertThat(fixtures.escalationOf(fine).status()).isEqualTo(Escalation.Status.RUNNING);
            assertThat(handled(first)).as("the failing flag waits for the next sweep").isFalse();
        } finally {
            jdbc.execute("drop trigger refuse_escalation on escalation");
            jdbc.execute("drop function refuse_escalation()");
        }

        intake.handleAll();

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from provider_flag where provider_id = ? and handled_at is null", Integer.class,
                broken.id()) == 0);
        assertThat(fixtures.escalationOf(broken).status()).isEqualTo(Escalation.Status.RUNNING);
    }

    private boolean handled(long flag) {
        return jdbc.queryForObject("select handled_at is not null from provider_flag where flag_id = ?", Boolean.class, flag);
    }
}
