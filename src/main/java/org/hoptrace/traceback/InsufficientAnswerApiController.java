package org.hoptrace.traceback;

import java.security.Principal;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ITG staff mark a hop's answer insufficient, or clear the mark (docs/cooperation.md). */
@RestController
@RequestMapping("/api/v1/hops/{hopId}/insufficient")
@PreAuthorize("hasAnyRole('ITG_STAFF', 'ADMIN', 'OPERATON_ADMIN')")
@Tag(name = "Tracebacks")
@ApiResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "Not ITG staff or an administrator", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "No such hop", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "409", description = "The hop has no answer", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class InsufficientAnswerApiController {

    private final StaffActions actions;

    InsufficientAnswerApiController(StaffActions actions) {
        this.actions = actions;
    }

    record InsufficientRequest(@Schema(description = "Why the answer is insufficient, up to 500 characters",
            example = "CDR excerpt does not show the upstream trunk", requiredMode = Schema.RequiredMode.REQUIRED)
                               String reason) {
    }

    @PostMapping
    @Operation(summary = "Mark a hop's answer insufficient",
            description = "It then counts against the provider's cooperation record. Marking again replaces the reason.")
    @ApiResponse(responseCode = "200", description = "Marked; the traceback as it is now")
    @ApiResponse(responseCode = "400", description = "No reason, or a reason over 500 characters", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    TracebackDetail mark(@PathVariable UUID hopId, @RequestBody(required = false) InsufficientRequest request,
                         Principal user) {
        return actions.markInsufficient(hopId, request == null ? null : request.reason(), user.getName());
    }

    @DeleteMapping
    @Operation(summary = "Clear the insufficient mark of a hop's answer")
    @ApiResponse(responseCode = "200", description = "Cleared (or was not marked); the traceback as it is now")
    TracebackDetail clear(@PathVariable UUID hopId, Principal user) {
        return actions.clearInsufficient(hopId, user.getName());
    }
}
