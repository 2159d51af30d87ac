package org.hoptrace.campaign;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.util.HtmlUtils;

/**
 * The campaign page's pictures as inline SVG, drawn on the server (no script, no CDN): the volume trend as bars,
 * the provider ecosystem as columns by hop (terminating provider left, origin right).
 */
final class Charts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MMM d HH:00").withZone(ZoneOffset.UTC);

    private Charts() {
    }

    static String trend(List<CampaignRepository.Bucket> buckets, String unit) {
        int width = 720;
        int height = 200;
        int left = 50;
        int bottom = 170;
        int top = 15;
        long max = Math.max(1, buckets.stream().mapToLong(CampaignRepository.Bucket::calls).max().orElse(1));
        DateTimeFormatter format = "day".equals(unit) ? DAY : HOUR;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"trend\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">"
                .formatted(width, height, width, height));
        svg.append("<title>Calls per %s</title>".formatted(unit));
        svg.append("<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>".formatted(left, bottom, width - 10, bottom));
        svg.append("<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%d</text>".formatted(left - 4, top + 4, max));
        svg.append("<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">0</text>".formatted(left - 4, bottom));
        if (!buckets.isEmpty()) {
            double slot = (double) (width - 10 - left) / buckets.size();
            for (int i = 0; i < buckets.size(); i++) {
                CampaignRepository.Bucket b = buckets.get(i);
                double h = (double) b.calls() * (bottom - top) / max;
                svg.append("<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#3b6ea5\"><title>%s: %d calls</title></rect>"
                        .formatted(left + i * slot + slot * 0.1, bottom - h, Math.max(0.5, slot * 0.8), h,
                                format.format(b.start()), b.calls()));
            }
            svg.append("<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>".formatted(left, bottom + 16, format.format(buckets.get(0).start())));
            svg.append("<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>".formatted(width - 10, bottom + 16,
                    format.format(buckets.get(buckets.size() - 1).start())));
        }
        return svg.append("</svg>").toString();
    }

    static String ecosystem(Ecosystem ecosystem) {
        int columnWidth = 220;
        int rowHeight = 64;
        Map<Integer, Integer> rows = new HashMap<>();
        Map<UUID, int[]> at = new HashMap<>();
        int maxRow = 0;
        int maxColumn = 0;
        for (Ecosystem.Node node : ecosystem.providers()) {
            int column = node.firstHop() - 1;
            int row = rows.merge(column, 1, Integer::sum) - 1;
            at.put(node.providerId(), new int[] {20 + column * columnWidth, 30 + row * rowHeight});
            maxRow = Math.max(maxRow, row);
            maxColumn = Math.max(maxColumn, column);
        }
        int width = 40 + (maxColumn + 1) * columnWidth;
        int height = 50 + (maxRow + 1) * rowHeight;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"ecosystem\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">"
                .formatted(width, height, width, height));
        svg.append("<title>Providers at each hop of the campaign's tracebacks</title>");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" "
                + "orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>");
        for (int column = 0; column <= maxColumn; column++) {
            svg.append("<text x=\"%d\" y=\"16\" font-size=\"12\" font-weight=\"bold\">Hop %d%s</text>".formatted(20 + column * columnWidth,
                    column + 1, column == 0 ? " (terminating)" : ""));
        }
        for (Ecosystem.Edge edge : ecosystem.handoffs()) {
            int[] from = at.get(edge.downstream());
            int[] to = at.get(edge.upstream());
            if (from == null || to == null || from == to) {
                continue;
            }
            svg.append("<line class=\"handoff\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\" marker-end=\"url(#arrow)\"><title>%d traceback(s)</title></line>"
                    .formatted(from[0] + 170, from[1] + 20, to[0], to[1] + 20, edge.tracebacks()));
        }
        for (Ecosystem.Node node : ecosystem.providers()) {
            int[] p = at.get(node.providerId());
            String css = node.origin() ? "origin" : node.shared() ? "shared" : "provider";
            String stroke = node.origin() ? "#b03030" : node.shared() ? "#d08000" : "#3b6ea5";
            svg.append("<g class=\"%s\"><rect x=\"%d\" y=\"%d\" width=\"170\" height=\"44\" rx=\"4\" fill=\"#fff\" stroke=\"%s\" stroke-width=\"%d\"/>"
                    .formatted(css, p[0], p[1], stroke, node.shared() || node.origin() ? 3 : 1));
            svg.append("<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>".formatted(p[0] + 6, p[1] + 17, text(shorten(node.name(), 24))));
            String detail = "%s, %d traceback(s)%s%s".formatted(node.country(), node.tracebacks(), node.origin() ? ", origin" : "",
                    node.shared() ? ", in %d other campaign(s)".formatted(node.otherCampaigns().size()) : "");
            svg.append("<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>".formatted(p[0] + 6, p[1] + 34, text(shorten(detail, 34))));
            svg.append("<title>%s%s</title></g>".formatted(text(node.name()),
                    node.shared() ? text(" — also in " + String.join(", ", node.otherCampaigns())) : ""));
        }
        return svg.append("</svg>").toString();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String text(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
