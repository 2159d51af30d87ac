package org.hoptrace.escalation;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Escalations of non-cooperative providers for ITG staff: read them, close a running one. */
@RestController
@RequestMapping("/api/v1/escalations")
@PreAuthorize("hasAnyRole('ITG_STAFF', 'ADMIN', 'OPERATON_ADMIN')")
@Tag(name = "Escalations", description = "Escalations of non-cooperative providers (ITG staff and administrators)")
@ApiResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "Not ITG staff or an administrator", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class EscalationApiController {

    static final int MAX_LIST = 200;

    private final EscalationRepository escalations;
    private final ProviderRepository providers;
    private final ClosingEscalation closing;
    private final String baseUrl;

    EscalationApiController(EscalationRepository escalations, ProviderRepository providers, ClosingEscalation closing,
                            @Value("${hoptrace.base-url}") String baseUrl) {
        this.escalations = escalations;
        this.providers = providers;
        this.closing = closing;
        this.baseUrl = baseUrl;
    }

    record CloseRequest(@Schema(description = "Why staff close the escalation; kept as its outcome reason (at most 500 characters)",
            example = "provider answered by phone; records follow", requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    @GetMapping("/{id}")
    @Operation(summary = "An escalation with its flags and history")
    @ApiResponse(responseCode = "200", description = "The escalation")
    @ApiResponse(responseCode = "404", description = "No such escalation", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    EscalationView get(@Parameter(description = "Escalation id (uuid)") @PathVariable String id) {
        return view(escalations.get(uuid("id", id)), true);
    }

    @GetMapping
    @Operation(summary = "Escalations, newest first (at most 200)")
    @ApiResponse(responseCode = "200", description = "The escalations")
    @ApiResponse(responseCode = "400", description = "A filter is invalid", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    List<EscalationView> list(
            @Parameter(description = "Only this provider's escalations") @RequestParam(required = false) String providerId,
            @Parameter(description = "running or closed") @RequestParam(required = false) String status) {
        UUID provider = providerId == null || providerId.isBlank() ? null : uuid("providerId", providerId);
        Escalation.Status wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = Escalation.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidEscalationRequestException("status", "running or closed, not '" + status + "'");
            }
        }
        return escalations.list(provider, wanted, MAX_LIST).stream().map(e -> view(e, false)).toList();
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close a running escalation",
            description = "Cancels its process; the outcome is closed-by-staff with the reason given. No further notice is sent.")
    @ApiResponse(responseCode = "200", description = "Closed; the escalation as it is now")
    @ApiResponse(responseCode = "400", description = "No reason, or one too long", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such escalation", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The escalation has ended already", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    EscalationView close(@PathVariable String id, @RequestBody(required = false) CloseRequest request, Principal user) {
        return view(closing.close(uuid("id", id), request == null ? null : request.reason(), user.getName()), true);
    }

    private EscalationView view(Escalation e, boolean detail) {
        String providerName = providers.find(e.providerId()).map(p -> p.legalName()).orElse(null);
        return new EscalationView(e.id(), e.reference(), e.providerId(), providerName, e.status().code(), e.step(),
                e.stepDueAt(), e.outcome() == null ? null : e.outcome().code(), e.outcomeReason(), e.startedAt(),
                e.closedAt(), baseUrl + "/cooperation/providers/" + e.providerId(),
                detail ? escalations.flags(e.id()).stream().map(f -> new EscalationView.Flag(f.id(), f.reason(), f.hopId(),
                        f.flaggedAt())).toList() : null,
                detail ? escalations.events(e.id()).stream().map(v -> new EscalationView.Event(v.happenedAt(), v.kind(),
                        v.detail(), v.actor())).toList() : null);
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidEscalationRequestException(field, "not an id (uuid): '" + value + "'");
        }
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknown(UnknownEscalationException e, HttpServletRequest request) {
        return Problems.answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> state(EscalationStateException e, HttpServletRequest request) {
        return Problems.answer(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage()), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidEscalationRequestException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.invalidFields(e.problems());
        return Problems.answer(problem, request);
    }
}
