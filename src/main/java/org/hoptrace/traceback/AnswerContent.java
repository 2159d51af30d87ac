package org.hoptrace.traceback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a provider answers to a hop request, before it is recorded. {@link #problems()} lists what
 * is missing or wrong, by field, for a 400 answer or the portal form.
 */
public record AnswerContent(HopAnswer.Type type, UUID upstreamProviderId, String upstreamName, String upstreamEmail,
                            String upstreamPhone, String upstreamCountry, String customerName, String customerDetails,
                            String explanation, String comment) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** Field name to message; empty when the answer can be recorded. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (type == null) {
            problems.put("type", "choose one of upstream-registered, upstream-unregistered, origin, not-found");
            return problems;
        }
        switch (type) {
            case UPSTREAM_REGISTERED -> {
                if (upstreamProviderId == null) {
                    problems.put("upstreamProviderId", "name the registered upstream provider");
                }
            }
            case UPSTREAM_UNREGISTERED -> {
                require(problems, "upstreamName", upstreamName, "give the upstream provider's name");
                if (blank(upstreamEmail) || !EMAIL.matcher(upstreamEmail).matches()) {
                    problems.put("upstreamEmail", "give the upstream provider's email address");
                }
                if (blank(upstreamCountry) || !COUNTRY.matcher(upstreamCountry).matches()) {
                    problems.put("upstreamCountry", "give the upstream provider's country as two letters (US, GB, ...)");
                }
            }
            case ORIGIN -> require(problems, "customerName", customerName, "name the customer the call came from");
            case NOT_FOUND -> require(problems, "explanation", explanation, "explain why the call cannot be found");
        }
        return problems;
    }

    /** SHA-256 over the answer's content: the same answer sent twice has the same fingerprint. */
    public String fingerprint() {
        List<String> parts = new ArrayList<>();
        parts.add(type.code());
        for (Object value : List.of(Objects.toString(upstreamProviderId, ""), nz(upstreamName), nz(upstreamEmail),
                nz(upstreamPhone), nz(upstreamCountry), nz(customerName), nz(customerDetails), nz(explanation),
                nz(comment))) {
            parts.add(value.toString().strip());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(Map<String, String> problems, String field, String value, String message) {
        if (blank(value)) {
            problems.put(field, message);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
