package org.hoptrace.agency;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The agency registry in PostgreSQL. Agencies are never deleted (notices and legal requests refer to
 * them): {@link #setActive} takes one out of use.
 */
@Repository
public class AgencyRepository {

    static final String COLUMNS = """
            agency_id, name, agency_type, jurisdiction_states, contact_emails, notices, verified_domains, active,
            created_at, updated_at""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AgencyRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Agency> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from agency where agency_id = ?", ROW, id).stream().findFirst();
    }

    /** @throws UnknownAgencyException there is no such agency */
    public Agency get(UUID id) {
        return find(id).orElseThrow(() -> new UnknownAgencyException(id));
    }

    /** The agency with this name, ignoring case and surrounding blanks. */
    public Optional<Agency> findByName(String name) {
        return jdbc.query("select " + COLUMNS + " from agency where lower(name) = lower(?)", ROW, name.strip())
                .stream().findFirst();
    }

    /**
     * The active agencies that list {@code domain} (ignoring case) among their verified domains: those an
     * agency portal user with an address at that domain may belong to.
     */
    public List<Agency> withVerifiedDomain(String domain) {
        return jdbc.query("select " + COLUMNS + " from agency where active and ? = any (verified_domains) order by name",
                ROW, domain.strip().toLowerCase(Locale.ROOT));
    }

    /** One page of the agencies the filter matches, by name. */
    public AgencyPage page(AgencyFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.text() != null) {
            conditions.add("lower(name) like ?");
            args.add("%" + filter.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (filter.type() != null) {
            conditions.add("agency_type = ?");
            args.add(filter.type().code());
        }
        if (filter.state() != null) {
            conditions.add("(cardinality(jurisdiction_states) = 0 or ?::char(2) = any (jurisdiction_states))");
            args.add(filter.state());
        }
        if (filter.notice() != null) {
            conditions.add("? = any (notices)");
            args.add(filter.notice().code());
        }
        if (filter.active() != null) {
            conditions.add("active = ?");
            args.add(filter.active());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Long total = jdbc.queryForObject("select count(*) from agency" + where, Long.class, args.toArray());
        args.addAll(List.of(filter.size(), filter.offset()));
        List<Agency> items = jdbc.query("select " + COLUMNS + " from agency" + where
                + " order by lower(name), agency_id limit ? offset ?", ROW, args.toArray());
        return AgencyPage.of(items, filter.page(), filter.size(), total == null ? 0 : total);
    }

    /**
     * Inserts a new agency as given (not validated: {@link AgencyService} checks the rules). A null
     * {@code id} gets a new one; the timestamps are set here.
     */
    public Agency insert(Agency agency) {
        UUID id = agency.id() != null ? agency.id() : UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into agency (agency_id, name, agency_type, jurisdiction_states, contact_emails, notices,
                                    verified_domains, active, created_at, updated_at)
                values (?, ?, ?, ?::char(2)[], ?::text[], ?::text[], ?::text[], ?, ?, ?)""",
                id, agency.name(), agency.type().code(), states(agency), agency.contactEmails().toArray(String[]::new),
                notices(agency), agency.verifiedDomains().toArray(String[]::new), agency.active(), now, now);
        return get(id);
    }

    /** Replaces the editable fields (not {@code active}, see {@link #setActive}). */
    public Agency update(Agency agency) {
        int updated = jdbc.update("""
                update agency set name = ?, agency_type = ?, jurisdiction_states = ?::char(2)[],
                       contact_emails = ?::text[], notices = ?::text[], verified_domains = ?::text[], updated_at = ?
                where agency_id = ?""",
                agency.name(), agency.type().code(), states(agency), agency.contactEmails().toArray(String[]::new),
                notices(agency), agency.verifiedDomains().toArray(String[]::new), Timestamp.from(clock.instant()),
                agency.id());
        if (updated == 0) {
            throw new UnknownAgencyException(agency.id());
        }
        return get(agency.id());
    }

    /** Activates or deactivates an agency; setting the state it has already changes nothing. */
    public Agency setActive(UUID id, boolean active) {
        jdbc.update("update agency set active = ?, updated_at = ? where agency_id = ? and active <> ?",
                active, Timestamp.from(clock.instant()), id, active);
        return get(id);
    }

    private static String[] states(Agency agency) {
        return agency.jurisdictionStates().stream().sorted().toArray(String[]::new);
    }

    private static String[] notices(Agency agency) {
        return agency.notices().stream().sorted().map(Agency.Notice::code).toArray(String[]::new);
    }

    public List<Agency> all() {
        return jdbc.query("select " + COLUMNS + " from agency order by name", ROW);
    }

    /**
     * The active agencies of the given types that want {@code notice} and have jurisdiction: a
     * nationwide agency always, a state agency when one of {@code states} is among its states.
     */
    public List<Agency> recipients(Collection<Agency.Type> types, Collection<String> states, Agency.Notice notice) {
        if (types.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " from agency where active and agency_type = any (?) "
                        + "and ? = any (notices) "
                        + "and (cardinality(jurisdiction_states) = 0 or jurisdiction_states && ?::char(2)[]) "
                        + "order by name", ROW,
                types.stream().map(Agency.Type::code).toArray(String[]::new), notice.code(),
                states.stream().map(String::toUpperCase).toArray(String[]::new));
    }

    static final RowMapper<Agency> ROW = AgencyRepository::map;

    private static Agency map(ResultSet rs, int row) throws SQLException {
        return new Agency(rs.getObject("agency_id", UUID.class), rs.getString("name"),
                Agency.Type.ofCode(rs.getString("agency_type")),
                strings(rs.getArray("jurisdiction_states")).stream().map(String::trim)
                        .collect(Collectors.toCollection(LinkedHashSet::new)),
                strings(rs.getArray("contact_emails")),
                strings(rs.getArray("notices")).stream().map(Agency.Notice::ofCode)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Agency.Notice.class))),
                strings(rs.getArray("verified_domains")), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Set<String> normalisedStates(Collection<String> states) {
        return states.stream().map(s -> s.trim().toUpperCase()).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
