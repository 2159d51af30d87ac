package org.hoptrace.legal;

import java.util.Objects;
import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code legal-assemble-package}: the response package, and what the sign-off form shows of it. */
@Component
class ResponsePackageWorker {

    private final ResponsePackage responsePackage;
    private final ReviewCases cases;

    ResponsePackageWorker(ResponsePackage responsePackage, ReviewCases cases) {
        this.responsePackage = responsePackage;
        this.cases = cases;
    }

    record Input(UUID legalRequestId) {
    }

    /** signOff and signOffNote are emptied: the form must not show an earlier round's choice. */
    record Output(String packageSummary, String approvedScopeSummary, String reviewedBy, String signOff,
                  String signOffNote) {
    }

    @JobWorker(type = "legal-assemble-package")
    Output assemble(Input input) {
        ResponsePackage.Assembled assembled = responsePackage.assemble(input.legalRequestId());
        ReviewCase c = cases.get(input.legalRequestId());
        return new Output(assembled.summary(), c.effectiveScope().summary(), Objects.requireNonNullElse(c.reviewedBy(), ""),
                "", "");
    }
}
