package org.hoptrace.legal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The process variables the review and sign-off forms show: small texts, no documents. */
@Component
class ReviewFormVariables {

    private final ReviewCases cases;
    private final String baseUrl;

    ReviewFormVariables(ReviewCases cases, @Value("${hoptrace.base-url}") String baseUrl) {
        this.cases = cases;
        this.baseUrl = baseUrl;
    }

    String consoleUrl(UUID id) {
        return baseUrl + "/legal-requests/" + id;
    }

    /** For the review form; the decision fields empty, the narrowing fields filled with the current scope. */
    Map<String, Object> forReview(UUID id, Instant reviewDueAt) {
        ReviewCase c = cases.get(id);
        ReviewScope scope = c.effectiveScope();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("reference", c.reference());
        vars.put("agencyName", c.agencyName());
        vars.put("requestType", c.requestType());
        vars.put("issuingAuthority", Objects.requireNonNullElse(c.issuingAuthority(), ""));
        vars.put("caseNumber", Objects.requireNonNullElse(c.caseNumber(), ""));
        vars.put("returnDate", c.returnDate() == null ? "" : c.returnDate().toString());
        vars.put("triage", c.triage());
        vars.put("reviewDueAt", reviewDueAt.toString());
        vars.put("requestedScope", c.requestedScope().summary());
        vars.put("documentSummary", cases.documents(id).stream().filter(d -> !"response".equals(d.role()))
                .map(d -> d.filename() + " (" + d.mediaType() + ", " + d.sizeBytes() + " bytes)")
                .collect(Collectors.joining("\n")));
        vars.put("consoleUrl", consoleUrl(id));
        vars.put("narrowedNumbers", ReviewScope.text(scope.numbers()));
        vars.put("narrowedProviders", ReviewScope.text(scope.providers()));
        vars.put("narrowedCampaigns", ReviewScope.text(scope.campaigns()));
        vars.put("narrowedTracebacks", ReviewScope.text(scope.tracebacks()));
        vars.put("narrowedFrom", scope.from() == null ? "" : scope.from().toString());
        vars.put("narrowedTo", scope.to() == null ? "" : scope.to().toString());
        vars.put("decision", "");
        vars.put("reviewReason", "");
        vars.put("clarificationQuestion", "");
        return vars;
    }
}
