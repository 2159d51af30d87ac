package org.hoptrace.portal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.hoptrace.traceback.AnswerContent;
import org.hoptrace.traceback.HopAnswer;

/**
 * A provider's answer as the API (JSON) and the portal form send it. Only the fields of the chosen
 * type and the comment are kept; blank fields count as missing.
 */
@Schema(name = "HopAnswerRequest", description = "Who handed you the call. Send the fields of the chosen type; "
        + "the others are ignored.")
record AnswerRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"upstream-registered", "upstream-unregistered", "origin", "not-found"},
                description = "upstream-registered: a provider registered in Hoptrace handed you the call; "
                        + "upstream-unregistered: a provider not (yet) registered did; origin: the call originated "
                        + "with your own customer; not-found: you cannot find the call")
        String type,
        @Schema(description = "upstream-registered: the Hoptrace id of the upstream provider",
                example = "0b7c9d3e-6f1a-4c2b-9e8d-7a6b5c4d3e2f")
        String upstreamProviderId,
        @Schema(description = "upstream-unregistered: legal name", example = "Overseas Telecom Ltd")
        String upstreamName,
        @Schema(description = "upstream-unregistered: traceback contact email", example = "noc@overseas-telecom.example")
        String upstreamEmail,
        @Schema(description = "upstream-unregistered: phone", example = "+44 20 7946 0000")
        String upstreamPhone,
        @Schema(description = "upstream-unregistered: ISO 3166 country code", example = "GB")
        String upstreamCountry,
        @Schema(description = "origin: the customer the call came from", example = "Dialer Express Inc.")
        String customerName,
        @Schema(description = "origin: account, address, contact of the customer", example = "Account 4471, since 2025-06")
        String customerDetails,
        @Schema(description = "not-found: why the call cannot be found", example = "No CDR for this call in our switch records")
        String explanation,
        @Schema(description = "optional, any type", example = "Customer suspended on 2026-11-21")
        String comment) {

    /** The answer ready for {@code AnsweringHop}, and what is wrong with it, by field. */
    record Parsed(AnswerContent content, Map<String, String> problems) {
    }

    Parsed parse() {
        Map<String, String> problems = new LinkedHashMap<>();
        HopAnswer.Type answerType = answerType(problems);
        UUID upstreamId = null;
        if (answerType == HopAnswer.Type.UPSTREAM_REGISTERED && present(upstreamProviderId)) {
            try {
                upstreamId = UUID.fromString(upstreamProviderId.strip());
            } catch (IllegalArgumentException notAnId) {
                problems.put("upstreamProviderId", "'" + upstreamProviderId.strip() + "' is not a provider id");
            }
        }
        boolean unregistered = answerType == HopAnswer.Type.UPSTREAM_UNREGISTERED;
        boolean origin = answerType == HopAnswer.Type.ORIGIN;
        String country = unregistered && present(upstreamCountry) ? upstreamCountry.strip().toUpperCase(Locale.ROOT) : null;
        AnswerContent content = new AnswerContent(answerType, upstreamId,
                keep(unregistered, upstreamName), keep(unregistered, upstreamEmail), keep(unregistered, upstreamPhone),
                country, keep(origin, customerName), keep(origin, customerDetails),
                keep(answerType == HopAnswer.Type.NOT_FOUND, explanation), keep(true, comment));
        if (!problems.containsKey("type")) {
            content.problems().forEach(problems::putIfAbsent);
        }
        return new Parsed(content, problems);
    }

    private HopAnswer.Type answerType(Map<String, String> problems) {
        if (!present(type)) {
            problems.put("type", "choose one of upstream-registered, upstream-unregistered, origin, not-found");
            return null;
        }
        try {
            return HopAnswer.Type.ofCode(type.strip());
        } catch (IllegalArgumentException unknown) {
            problems.put("type", "'" + type.strip() + "' is not an answer type; choose one of upstream-registered, "
                    + "upstream-unregistered, origin, not-found");
            return null;
        }
    }

    private static String keep(boolean relevant, String value) {
        return relevant && present(value) ? value.strip() : null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
