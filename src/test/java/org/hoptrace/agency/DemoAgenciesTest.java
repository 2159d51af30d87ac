package org.hoptrace.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tests run with demo data on: the demo agencies are there once, however often start-up runs. */
@HoptraceTest
class DemoAgenciesTest {

    @Autowired
    DemoAgencies demo;

    @Autowired
    AgencyRepository agencies;

    @Autowired
    AgencyService service;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoAgenciesAreRegisteredOnceWithTheirFixedIds() {
        long before = count();

        demo.run(null);

        assertThat(count()).isEqualTo(before);
        for (DemoAgencies.Demo agency : DemoAgencies.AGENCIES) {
            Agency stored = agencies.get(agency.id());
            assertThat(stored.name()).isEqualTo(agency.draft().name());
            assertThat(jdbc.queryForObject("select count(*) from agency where lower(name) = lower(?)", Long.class,
                    agency.draft().name())).as(agency.draft().name()).isOne();
        }
    }

    @Test
    void theDemoAgenciesCoverTheStatesAndTheFederalAgencies() {
        Agency illinois = agencies.findByName("Illinois Attorney General").orElseThrow();
        assertThat(illinois.type()).isEqualTo(Agency.Type.STATE_ATTORNEY_GENERAL);
        assertThat(illinois.jurisdictionStates()).containsExactly("IL");
        assertThat(illinois.contactEmails()).containsExactly("robocalls@ag-il.example");
        assertThat(illinois.verifiedDomains()).containsExactly("ag-il.example");
        assertThat(illinois.notices()).containsExactlyInAnyOrder(Agency.Notice.values());
        Agency fcc = agencies.findByName("FCC Enforcement Bureau").orElseThrow();
        assertThat(fcc.isNationwide()).isTrue();
        assertThat(fcc.notices()).containsExactlyInAnyOrder(Agency.Notice.values());
        Agency doj = agencies.findByName("DOJ Consumer Protection Branch").orElseThrow();
        assertThat(doj.notices()).containsExactly(Agency.Notice.NON_COOPERATION_REFERRAL);
        for (String state : List.of("IL", "NY", "CA", "TX", "OH")) {
            assertThat(agencies.recipients(List.of(Agency.Type.STATE_ATTORNEY_GENERAL), List.of(state),
                    Agency.Notice.NON_COOPERATION_REFERRAL)).as(state).extracting(Agency::name).contains(
                    DemoAgencies.AGENCIES.stream().map(d -> d.draft().name()).filter(n -> n.endsWith("Attorney General"))
                            .filter(n -> agencies.findByName(n).orElseThrow().jurisdictionStates().contains(state))
                            .findFirst().orElseThrow());
        }
        assertThat(agencies.findByName("Indiana Utility Regulatory Commission").orElseThrow().type())
                .isEqualTo(Agency.Type.STATE_REGULATOR);
    }

    @Test
    void aDemoAgencyStaffRenamedIsNotCreatedAgain() {
        DemoAgencies.Demo doj = DemoAgencies.AGENCIES.get(DemoAgencies.AGENCIES.size() - 1);
        UUID id = doj.id();
        AgencyDraft original = doj.draft();
        try {
            service.update(id, new AgencyDraft(original.name() + " (renamed)", original.type(),
                    original.jurisdictionStates(), original.contactEmails(), original.notices(), original.verifiedDomains()));

            demo.run(null);

            assertThat(agencies.findByName(original.name())).isEmpty();
            assertThat(agencies.get(id).name()).isEqualTo(original.name() + " (renamed)");
        } finally {
            service.update(id, original);
        }
    }

    private long count() {
        Long count = jdbc.queryForObject("select count(*) from agency", Long.class);
        return count == null ? 0 : count;
    }
}
