package org.hoptrace.cooperation;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The console list of records: filtered by status, sorted by a column, one page of it. */
record RecordListing(List<CooperationRecord> rows, int total, int page, int pages, String problem) {

    static final int PAGE_SIZE = 50;
    static final Set<String> STATUSES = Set.of("cooperative", "watch", "non-cooperative");

    /** The sortable columns: 90-day numbers, 12-month origin and gateway counts, name and status. */
    static final Map<String, Comparator<CooperationRecord>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("name", Comparator.comparing(r -> r.legalName().toLowerCase()));
        SORTS.put("status", Comparator.comparing(r -> severity(r.status())));
        SORTS.put("requested", by(CooperationRecord.Window::requested));
        SORTS.put("on-time-rate", Comparator.comparing(r -> r.last90Days().onTimeRate(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        SORTS.put("late", by(CooperationRecord.Window::answeredLate));
        SORTS.put("non-responsive", by(CooperationRecord.Window::nonResponsive));
        SORTS.put("not-found", by(CooperationRecord.Window::notFound));
        SORTS.put("insufficient", by(CooperationRecord.Window::insufficient));
        SORTS.put("origin", Comparator.comparing(r -> r.last12Months().origin()));
        SORTS.put("gateway", Comparator.comparing(r -> r.last12Months().foreignGateway()));
    }

    static RecordListing of(List<CooperationRecord> all, String status, String sort, String direction, int page) {
        String problem = null;
        String column = sort == null || sort.isBlank() ? "name" : sort;
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            problem = "status is cooperative, watch or non-cooperative";
        } else if (!SORTS.containsKey(column)) {
            problem = "sort is one of " + String.join(", ", SORTS.keySet());
        } else if (direction != null && !direction.isBlank() && !Set.of("asc", "desc").contains(direction)) {
            problem = "dir is asc or desc";
        }
        if (problem != null) {
            return new RecordListing(List.of(), 0, 0, 0, problem);
        }
        Comparator<CooperationRecord> order = SORTS.get(column);
        if ("desc".equals(direction)) {
            order = order.reversed();
        }
        List<CooperationRecord> matching = all.stream()
                .filter(r -> status == null || status.isBlank() || status.equals(r.status()))
                .sorted(order.thenComparing(r -> r.legalName().toLowerCase()))
                .toList();
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        return new RecordListing(matching.subList(current * PAGE_SIZE, Math.min(matching.size(), (current + 1) * PAGE_SIZE)),
                matching.size(), current, pages, null);
    }

    private static Comparator<CooperationRecord> by(Function<CooperationRecord.Window, Long> count) {
        return Comparator.comparing(r -> count.apply(r.last90Days()));
    }

    private static int severity(String status) {
        return switch (status) {
            case "non-cooperative" -> 2;
            case "watch" -> 1;
            default -> 0;
        };
    }
}
