package org.hoptrace.campaign.detection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The category guess of a campaign: keywords in its representative transcript, else the most frequent
 * category among the sources' verdicts (read with the same keywords). The categories and their keywords are
 * listed in docs/campaign-detection.md; the category with the most keyword hits wins, ties go to the first.
 */
public final class Categories {

    public static final String OTHER = "other";
    private static final Map<String, List<String>> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put("government-impersonation", List.of("social security", "ssa", "irs", "internal revenue",
                "federal agent", "arrest warrant", "suspended", "legal action", "government", "sheriff", "tax"));
        KEYWORDS.put("brand-impersonation", List.of("amazon", "apple", "paypal", "microsoft", "walmart", "netflix",
                "your order", "purchase", "icloud", "geek squad", "bank of america", "wells fargo", "chase"));
        KEYWORDS.put("utility-disconnection", List.of("utility", "electric", "power company", "disconnect",
                "shut off", "gas service", "water service", "past due bill"));
        KEYWORDS.put("auto-warranty", List.of("warranty", "vehicle", "your car", "auto", "extended coverage",
                "factory warranty"));
        KEYWORDS.put("credit-card-interest", List.of("credit card", "interest rate", "card holder", "cardholder",
                "lower your rate", "card services", "credit"));
        KEYWORDS.put("student-loans", List.of("student loan", "student debt", "loan forgiveness", "forgiveness",
                "federal student", "department of education"));
        KEYWORDS.put("health-insurance", List.of("health insurance", "medicare", "obamacare", "health plan",
                "open enrollment", "affordable care", "medicaid", "back brace", "insurance"));
    }

    private Categories() {
    }

    /** The category of a message, {@value #OTHER} when no keyword matches. */
    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return OTHER;
        }
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]+", " ") + " ";
        String best = OTHER;
        int bestHits = 0;
        for (Map.Entry<String, List<String>> category : KEYWORDS.entrySet()) {
            int hits = 0;
            for (String keyword : category.getValue()) {
                if (lower.contains(" " + keyword + " ")) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                best = category.getKey();
                bestHits = hits;
            }
        }
        return best;
    }

    /** The guess for a campaign: its representative transcript first, the sources' verdicts otherwise. */
    public static String guess(String representative, Iterable<String> verdicts) {
        String fromText = of(representative);
        if (!OTHER.equals(fromText)) {
            return fromText;
        }
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (String verdict : verdicts) {
            String category = of(verdict == null ? null : verdict.replace('-', ' ').replace('_', ' '));
            if (!OTHER.equals(category)) {
                votes.merge(category, 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(OTHER);
    }

    /** A campaign's first name: the start of its representative transcript, else the number or pattern it was found by. */
    public static String name(String representative, String fallback) {
        if (representative == null || representative.isBlank()) {
            return fallback;
        }
        String text = representative.strip().replaceAll("\\s+", " ");
        if (text.length() <= 60) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 60);
        return text.substring(0, cut > 20 ? cut : 60) + "\u2026";
    }
}
