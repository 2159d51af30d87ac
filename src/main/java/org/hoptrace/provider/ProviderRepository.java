package org.hoptrace.provider;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The provider registry in PostgreSQL. */
@Repository
public class ProviderRepository {

    private static final String COLUMNS = """
            provider_id, legal_name, filer_499_id, rmd_number, country, role, contact_emails, contact_phone,
            webhook_url, webhook_secret, api_key_id, registered, created_at, updated_at""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ProviderRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Provider> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from provider where provider_id = ?", ROW, id).stream().findFirst();
    }

    public Provider get(UUID id) {
        return find(id).orElseThrow(() -> new UnknownProviderException(id));
    }

    public Optional<Provider> findByApiKeyId(String apiKeyId) {
        return jdbc.query("select " + COLUMNS + " from provider where api_key_id = ?", ROW, apiKeyId).stream().findFirst();
    }

    /** The SHA-256 (hex) of a provider's API secret, if it has API credentials. */
    public Optional<String> apiKeyHash(String apiKeyId) {
        return jdbc.queryForList("select api_key_hash from provider where api_key_id = ? and api_key_hash is not null", String.class, apiKeyId)
                .stream().findFirst();
    }

    /** Providers whose name contains {@code text} (case-insensitive), registered first, by name. */
    public List<Provider> search(String text, int limit) {
        String pattern = "%" + (text == null ? "" : text.toLowerCase().replace("%", "\\%").replace("_", "\\_")) + "%";
        return jdbc.query("select " + COLUMNS + " from provider where lower(legal_name) like ? "
                + "order by registered desc, legal_name limit ?", ROW, pattern, limit);
    }

    public Optional<Provider> findByFilerId(String filer499Id) {
        return jdbc.query("select " + COLUMNS + " from provider where filer_499_id = ?", ROW, filer499Id)
                .stream().findFirst();
    }

    /** One page of the providers the filter matches, by legal name. */
    public ProviderPage page(ProviderFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.text() != null) {
            conditions.add("(lower(legal_name) like ? or filer_499_id = ? or rmd_number = upper(?) "
                    + "or exists (select 1 from unnest(contact_emails) email where lower(email) = lower(?)))");
            args.addAll(List.of(likePattern(filter.text()), filter.text(), filter.text(), filter.text()));
        }
        if (filter.role() != null) {
            conditions.add("role = ?");
            args.add(filter.role().code());
        }
        if (filter.country() != null) {
            conditions.add("country = ?");
            args.add(filter.country());
        }
        if (filter.registered() != null) {
            conditions.add("registered = ?");
            args.add(filter.registered());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Long total = jdbc.queryForObject("select count(*) from provider" + where, Long.class, args.toArray());
        args.addAll(List.of(filter.size(), filter.offset()));
        List<Provider> items = jdbc.query("select " + COLUMNS + " from provider" + where
                + " order by lower(legal_name), provider_id limit ? offset ?", ROW, args.toArray());
        return new ProviderPage(items, filter.page(), filter.size(), total == null ? 0 : total);
    }

    private static String likePattern(String text) {
        return "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Inserts a new provider; {@code provider.id()} and the timestamps are assigned here. */
    public Provider insert(Provider provider) {
        UUID id = provider.id() != null ? provider.id() : UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into provider (provider_id, legal_name, filer_499_id, rmd_number, country, role, contact_emails,
                                      contact_phone, webhook_url, webhook_secret, registered, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)""",
                id, provider.legalName(), provider.filer499Id(), provider.rmdNumber(), provider.country(),
                provider.role().code(), textArray(provider.contactEmails()), provider.contactPhone(),
                provider.webhookUrl(), provider.webhookSecret(), provider.registered(), now, now);
        return get(id);
    }

    /** Updates the editable fields of a provider (not its API credentials). */
    public Provider update(Provider provider) {
        int updated = jdbc.update("""
                update provider set legal_name = ?, filer_499_id = ?, rmd_number = ?, country = ?, role = ?,
                       contact_emails = ?::text[], contact_phone = ?, webhook_url = ?, webhook_secret = ?,
                       registered = ?, updated_at = ?
                where provider_id = ?""",
                provider.legalName(), provider.filer499Id(), provider.rmdNumber(), provider.country(),
                provider.role().code(), textArray(provider.contactEmails()), provider.contactPhone(),
                provider.webhookUrl(), provider.webhookSecret(), provider.registered(),
                Timestamp.from(clock.instant()), provider.id());
        if (updated == 0) {
            throw new UnknownProviderException(provider.id());
        }
        return get(provider.id());
    }

    /** Sets a provider's API credentials: the key id and the SHA-256 (hex) of its secret. */
    public void setApiCredentials(UUID providerId, String apiKeyId, String secretSha256) {
        if (jdbc.update("update provider set api_key_id = ?, api_key_hash = ?, updated_at = ? where provider_id = ?",
                apiKeyId, secretSha256, Timestamp.from(clock.instant()), providerId) == 0) {
            throw new UnknownProviderException(providerId);
        }
    }

    /** The provider a portal user answers for, if the user is a provider user. */
    public Optional<UUID> providerOfUser(String userId) {
        return jdbc.queryForList("select provider_id from provider_user where user_id = ?", UUID.class, userId)
                .stream().findFirst();
    }

    public void linkUser(String userId, UUID providerId) {
        jdbc.update("insert into provider_user (user_id, provider_id) values (?, ?) "
                + "on conflict (user_id) do update set provider_id = excluded.provider_id", userId, providerId);
    }

    private static String textArray(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    private static final RowMapper<Provider> ROW = (ResultSet rs, int row) -> new Provider(
            rs.getObject("provider_id", UUID.class), rs.getString("legal_name"), rs.getString("filer_499_id"),
            rs.getString("rmd_number"), rs.getString("country"), Provider.Role.ofCode(rs.getString("role")),
            strings(rs.getArray("contact_emails")), rs.getString("contact_phone"), rs.getString("webhook_url"),
            rs.getString("webhook_secret"), rs.getString("api_key_id"), rs.getBoolean("registered"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
