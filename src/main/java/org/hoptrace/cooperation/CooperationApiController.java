package org.hoptrace.cooperation;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.hoptrace.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Providers' cooperation records and the assessment, for ITG staff (docs/cooperation.md). */
@RestController
@RequestMapping("/api/v1/cooperation")
@PreAuthorize("hasAnyRole('ITG_STAFF', 'ADMIN', 'OPERATON_ADMIN')")
@Tag(name = "Cooperation", description = "Providers' cooperation records and statuses, and the assessment (ITG staff)")
@ApiResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "Not ITG staff or an administrator", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class CooperationApiController {

    private final CooperationAssessment assessment;
    private final CooperationRecords records;
    private final Clock clock;

    CooperationApiController(CooperationAssessment assessment, CooperationRecords records, Clock clock) {
        this.assessment = assessment;
        this.records = records;
        this.clock = clock;
    }

    @PostMapping("/assessments")
    @Operation(summary = "Run the cooperation assessment now",
            description = "Assesses every provider as the nightly run does: statuses updated, providers to escalate "
                    + "flagged. Returns when it has finished.")
    @ApiResponse(responseCode = "200", description = "The finished run: providers assessed, status changes, flags raised")
    @ApiResponse(responseCode = "409", description = "An assessment is running already", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AssessmentRun run(Principal user) {
        return assessment.run("staff", user.getName());
    }

    @GetMapping("/providers/{providerId}")
    @Operation(summary = "A provider's cooperation record and status",
            description = "Counts over the last 90 days and 12 months, computed now; the status is the last assessment's.")
    @ApiResponse(responseCode = "200", description = "The record")
    @ApiResponse(responseCode = "400", description = "The provider id is not a uuid", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such provider", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> provider(@PathVariable UUID providerId, HttpServletRequest request) {
        return records.of(providerId, clock.instant()).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "no provider with id " + providerId), request));
    }

    @ExceptionHandler(AssessmentRunningException.class)
    ResponseEntity<ProblemDetail> running(AssessmentRunningException e, HttpServletRequest request) {
        return problem(Problems.of(HttpStatus.CONFLICT, "assessment-running", "Assessment running", e.getMessage()),
                request);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
