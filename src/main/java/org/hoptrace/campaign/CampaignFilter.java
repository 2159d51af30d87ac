package org.hoptrace.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which campaigns a list shows and in which order: by volume (calls in total), growth, last seen or name.
 *
 * @param status   only campaigns with this status, or null
 * @param category only campaigns with this category guess, or null
 */
record CampaignFilter(Campaign.Status status, String category, String sort, boolean descending, int page, int size) {

    static final List<String> SORTS = List.of("volume", "growth", "last-seen", "name");

    /** Checks the parameters as given; blank means not given. Sort defaults to volume, largest first. */
    static CampaignFilter of(String status, String category, String sort, String dir, int page, int size) {
        Map<String, String> problems = new LinkedHashMap<>();
        Campaign.Status parsedStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                parsedStatus = Campaign.Status.ofCode(status.strip());
            } catch (IllegalArgumentException unknown) {
                problems.put("status", unknown.getMessage());
            }
        }
        String parsedSort = sort == null || sort.isBlank() ? "volume" : sort.strip();
        if (!SORTS.contains(parsedSort)) {
            problems.put("sort", "sort is one of " + String.join(", ", SORTS) + "; not '" + sort + "'");
        }
        if (dir != null && !dir.isBlank() && !dir.equals("asc") && !dir.equals("desc")) {
            problems.put("dir", "dir is asc or desc; not '" + dir + "'");
        }
        if (page < 0) {
            problems.put("page", "page counts from 0");
        }
        if (size < 1 || size > 100) {
            problems.put("size", "size is 1 to 100");
        }
        if (!problems.isEmpty()) {
            throw new InvalidCampaignRequestException(problems);
        }
        boolean descending = dir == null || dir.isBlank() ? !parsedSort.equals("name") : dir.equals("desc");
        return new CampaignFilter(parsedStatus, category == null || category.isBlank() ? null : category.strip(),
                parsedSort, descending, page, size);
    }

    String orderBy() {
        String column = switch (sort) {
            case "growth" -> "growth";
            case "last-seen" -> "c.last_seen";
            case "name" -> "lower(c.name)";
            default -> "c.call_count";
        };
        return column + (descending ? " desc" : " asc") + ", c.reference";
    }

    int offset() {
        return page * size;
    }
}
