package org.hoptrace.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds a campaign's provider {@link Ecosystem} from the hops of its tracebacks. */
@Component
class CampaignEcosystem {

    private final JdbcTemplate jdbc;

    CampaignEcosystem(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record HopRow(UUID tracebackId, int number, UUID providerId, String name, String country, String role,
                          boolean origin) {
    }

    Ecosystem of(UUID campaignId) {
        List<HopRow> hops = jdbc.query("""
                select h.traceback_id, h.hop_number, p.provider_id, p.legal_name, p.country, p.role,
                       coalesce(a.answer_type = 'origin', false) as origin
                from hop h join traceback t on t.traceback_id = h.traceback_id
                join provider p on p.provider_id = h.provider_id
                left join hop_answer a on a.hop_id = h.hop_id
                where t.campaign_id = ? order by h.traceback_id, h.hop_number""",
                (rs, n) -> new HopRow(rs.getObject("traceback_id", UUID.class), rs.getInt("hop_number"),
                        rs.getObject("provider_id", UUID.class), rs.getString("legal_name"), rs.getString("country"),
                        rs.getString("role"), rs.getBoolean("origin")), campaignId);
        Map<UUID, List<HopRow>> byProvider = new LinkedHashMap<>();
        Map<List<UUID>, java.util.Set<UUID>> edges = new LinkedHashMap<>();
        HopRow previous = null;
        for (HopRow hop : hops) {
            byProvider.computeIfAbsent(hop.providerId(), k -> new ArrayList<>()).add(hop);
            if (previous != null && previous.tracebackId().equals(hop.tracebackId()) && previous.number() + 1 == hop.number()) {
                edges.computeIfAbsent(List.of(previous.providerId(), hop.providerId()), k -> new java.util.HashSet<>())
                        .add(hop.tracebackId());
            }
            previous = hop;
        }
        Map<UUID, List<String>> others = otherCampaigns(campaignId, byProvider.keySet());
        List<Ecosystem.Node> nodes = new ArrayList<>();
        byProvider.forEach((id, rows) -> {
            HopRow first = rows.get(0);
            nodes.add(new Ecosystem.Node(id, first.name(), first.country(), first.role(),
                    List.copyOf(new TreeSet<>(rows.stream().map(HopRow::number).toList())),
                    (int) rows.stream().map(HopRow::tracebackId).distinct().count(),
                    rows.stream().anyMatch(HopRow::origin), others.getOrDefault(id, List.of())));
        });
        nodes.sort(java.util.Comparator.comparingInt(Ecosystem.Node::firstHop).thenComparing(Ecosystem.Node::name));
        List<Ecosystem.Edge> handoffs = edges.entrySet().stream()
                .map(e -> new Ecosystem.Edge(e.getKey().get(0), e.getKey().get(1), e.getValue().size())).toList();
        return new Ecosystem(nodes, handoffs);
    }

    /** For each provider, the references of the other campaigns whose tracebacks it appears in. */
    private Map<UUID, List<String>> otherCampaigns(UUID campaignId, java.util.Set<UUID> providers) {
        Map<UUID, List<String>> others = new HashMap<>();
        if (providers.isEmpty()) {
            return others;
        }
        jdbc.query("""
                select distinct h.provider_id, c.reference from hop h join traceback t on t.traceback_id = h.traceback_id
                join campaign c on c.campaign_id = t.campaign_id
                where t.campaign_id <> ? and h.provider_id::text = any (?) order by c.reference""",
                rs -> {
                    others.computeIfAbsent(rs.getObject("provider_id", UUID.class), k -> new ArrayList<>()).add(rs.getString("reference"));
                }, campaignId, providers.stream().map(UUID::toString).toArray(String[]::new));
        return others;
    }
}
