package org.hoptrace.agency;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The agency registry in PostgreSQL. */
@Repository
public class AgencyRepository {

    static final String COLUMNS = """
            agency_id, name, agency_type, jurisdiction_states, contact_emails, notices, verified_domains, active,
            created_at, updated_at""";

    private final JdbcTemplate jdbc;

    AgencyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Agency> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from agency where agency_id = ?", ROW, id).stream().findFirst();
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
