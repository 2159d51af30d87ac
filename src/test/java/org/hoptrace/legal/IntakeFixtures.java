package org.hoptrace.legal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.hoptrace.agency.Agency;
import org.hoptrace.agency.AgencyFixtures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Legal request rows for the intake and audit tests, written with plain SQL (the portal's repository is
 * built in parallel): an agency, one of its users and an open request in step 'intake'.
 */
@Component
class IntakeFixtures {

    private final AgencyFixtures agencies;
    private final JdbcTemplate jdbc;

    IntakeFixtures(AgencyFixtures agencies, JdbcTemplate jdbc) {
        this.agencies = agencies;
        this.jdbc = jdbc;
    }

    UUID request() {
        Agency agency = agencies.agency(AgencyFixtures.name("Intake AG"), Agency.Type.STATE_ATTORNEY_GENERAL,
                Set.of("IL"), EnumSet.noneOf(Agency.Notice.class));
        String domain = agency.verifiedDomains().get(0);
        UUID user = jdbc.queryForObject("""
                insert into agency_user (agency_id, email, full_name, status, invited_by, invited_at)
                values (?, ?, 'Investigator', 'active', 'staff', now()) returning agency_user_id""", UUID.class,
                agency.id(), "investigator-" + UUID.randomUUID() + "@" + domain);
        return jdbc.queryForObject("""
                insert into legal_request (reference, agency_id, submitted_by, request_type, issuing_authority, status,
                                           step, submitted_at, updated_at)
                values ('LR-T-' || nextval('legal_request_reference_seq'), ?, ?, 'subpoena', 'Office of the Attorney General',
                        'open', 'intake', ?, ?) returning legal_request_id""", UUID.class, agency.id(), user,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
    }

    void cleanUp() {
        agencies.deactivateAll();
    }
}
