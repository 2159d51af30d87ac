package org.hoptrace.legal;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hoptrace.agency.Agency;
import org.hoptrace.agency.AgencyFixtures;
import org.hoptrace.document.TestFiles;
import org.hoptrace.document.DocumentStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Agencies with active portal users (known password and TOTP secret), API tokens and released responses for tests. */
@Component
class AgencyPortalFixtures {

    static final String PASSWORD = "correct horse battery";

    private final AgencyFixtures agencies;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AgencyApiTokens tokens;
    private final DocumentStore documents;
    private final ReviewFixtures reviews;
    private final ReviewCases cases;

    AgencyPortalFixtures(AgencyFixtures agencies, JdbcTemplate jdbc, Clock clock, AgencyApiTokens tokens,
                         DocumentStore documents, ReviewFixtures reviews, ReviewCases cases) {
        this.reviews = reviews;
        this.cases = cases;
        this.agencies = agencies;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tokens = tokens;
        this.documents = documents;
    }

    /** A user who accepted the invitation: {@link #PASSWORD}, {@code secret} for codes. */
    record PortalUser(UUID id, UUID agencyId, String email, String secret, Agency agency) {

        AgencyPrincipal principal() {
            return new AgencyPrincipal(id, agencyId, email);
        }
    }

    Agency agency() {
        return agencies.agency(AgencyFixtures.name("Portal Agency"), Agency.Type.STATE_ATTORNEY_GENERAL, Set.of("IL"),
                Set.of());
    }

    PortalUser user() {
        return user(agency());
    }

    PortalUser user(Agency agency) {
        String domain = agency.verifiedDomains().get(0);
        String email = "investigator-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
        String secret = AgencyTotp.newSecret();
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into agency_user (agency_user_id, agency_id, email, full_name, status, password_hash, totp_secret,
                                         invited_by, invited_at, activated_at)
                values (?, ?, ?, 'Test Investigator', 'active', ?, ?, 'test', ?, ?)""",
                id, agency.id(), email, AgencyInvitations.PASSWORDS.encode(PASSWORD), secret, now, now);
        return new PortalUser(id, agency.id(), email, secret, agency);
    }

    /** The code the user's authenticator shows now (on the engine clock). */
    String code(PortalUser user) {
        return AgencyTotp.code(user.secret(), clock.instant());
    }

    String token(PortalUser user) {
        return tokens.create(user.id(), "test").secret();
    }

    /** A response document of the request, as the package worker stores it (not released yet), by plain SQL. */
    UUID addResponse(UUID requestId, String filename) {
        UUID documentId = documents.store(filename, new ByteArrayInputStream(TestFiles.pdf("Response " + filename)),
                "system").id();
        jdbc.update("""
                insert into legal_request_document (legal_request_id, document_id, role, added_at)
                values (?, ?, 'response', ?)""", requestId, documentId, Timestamp.from(clock.instant()));
        return documentId;
    }

    /** What the process does on release, by plain SQL: outcome released. */
    void markReleased(UUID requestId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                update legal_request set status = 'closed', step = 'closed', outcome = 'released', released_at = ?,
                       closed_at = ?, updated_at = ? where legal_request_id = ?""", now, now, now, requestId);
    }

    /** The reviewer asks the agency a question through the real process: the review completed with "clarify". */
    void askClarification(UUID requestId, String question) {
        ReviewCase request = cases.get(requestId);
        reviews.complete(reviews.task(request, ReviewCompletionCheck.REVIEW_TASK), "reviewer",
                Map.of("decision", "clarify", "reviewReason", "the scope is unclear", "clarificationQuestion", question));
        reviews.atStep(request, "clarification");
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** What agency users did with the request, as its audit trail says (the process's own entries left out). */
    List<String> auditActions(UUID requestId) {
        return jdbc.queryForList("""
                select action from legal_audit_entry where legal_request_id = ? and actor_kind = 'agency' order by seq""",
                String.class, requestId);
    }

    void deactivateAll() {
        agencies.deactivateAll();
    }
}
