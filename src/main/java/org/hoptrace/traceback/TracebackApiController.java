package org.hoptrace.traceback;

import java.net.URI;
import java.security.Principal;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tracebacks for ITG staff and their systems: open one from a call, read it with its hops, list, act on it. */
@RestController
@RequestMapping("/api/v1/tracebacks")
@PreAuthorize("hasAnyRole('ITG_STAFF', 'ADMIN', 'OPERATON_ADMIN')")
@Tag(name = "Tracebacks", description = "Tracebacks and their hop chains (ITG staff and administrators)")
@ApiResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "Not ITG staff or an administrator", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class TracebackApiController {

    private final OpeningTraceback opening;
    private final TracebackDetails details;
    private final TracebackQueries queries;
    private final StaffActions actions;

    TracebackApiController(OpeningTraceback opening, TracebackDetails details, TracebackQueries queries,
                           StaffActions actions) {
        this.opening = opening;
        this.details = details;
        this.queries = queries;
        this.actions = actions;
    }

    record CancelRequest(@Schema(description = "Why the traceback stops; kept as its outcome reason",
            example = "duplicate of TB-2026-000117", requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    @PostMapping
    @Operation(summary = "Open a traceback from one call",
            description = "Records the traceback and asks the terminating provider (hop 1). Numbers are normalised to E.164.")
    @ApiResponse(responseCode = "201", description = "Opened; Location names the new traceback")
    @ApiResponse(responseCode = "400", description = "Invalid fields, each listed in `errors` with `field` and `message`",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<TracebackDetail> open(@RequestBody TracebackInput input, Principal user) {
        Traceback traceback = opening.open(input, user.getName());
        return ResponseEntity.created(URI.create("/api/v1/tracebacks/" + traceback.id())).body(details.of(traceback));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A traceback with its hop chain")
    @ApiResponse(responseCode = "200", description = "The traceback")
    @ApiResponse(responseCode = "404", description = "No such traceback", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    TracebackDetail get(@Parameter(description = "Id (uuid) or reference (TB-2026-000123)") @PathVariable String id) {
        return details.of(id);
    }

    @GetMapping
    @Operation(summary = "Tracebacks, newest first, filtered and paged")
    @ApiResponse(responseCode = "200", description = "One page of tracebacks and the total")
    @ApiResponse(responseCode = "400", description = "A filter or paging parameter is invalid", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    TracebackPage list(
            @Parameter(description = "open, completed or cancelled") @RequestParam(required = false) String status,
            @Parameter(description = "origin-found, foreign-point-of-entry, not-found, non-responsive, dead-end, cancelled")
            @RequestParam(required = false) String outcome,
            @Parameter(description = "Campaign name, ignoring case") @RequestParam(required = false) String campaign,
            @Parameter(description = "A provider asked at any hop, or the terminating provider")
            @RequestParam(required = false) String providerId,
            @Parameter(description = "Part of the name of such a provider") @RequestParam(required = false) String provider,
            @Parameter(description = "Only open tracebacks with a hop waiting past its deadline")
            @RequestParam(defaultValue = "false") boolean overdue,
            @Parameter(description = "Part of the reference, or digits of the calling or called number")
            @RequestParam(required = false) String q,
            @Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Tracebacks per page, 1 to 100") @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > TracebackQueries.MAX_PAGE_SIZE) {
            throw new InvalidTracebackRequestException(Map.of(page < 0 ? "page" : "size",
                    page < 0 ? "page is 0 or more" : "size is 1 to " + TracebackQueries.MAX_PAGE_SIZE));
        }
        return queries.page(TracebackFilter.parse(status, outcome, campaign, providerId, provider, overdue, q), page, size);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an open traceback", description = "Ends its process; waiting hops become cancelled.")
    @ApiResponse(responseCode = "200", description = "Cancelled; the traceback as it is now")
    @ApiResponse(responseCode = "409", description = "The traceback has ended already", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    TracebackDetail cancel(@PathVariable String id, @RequestBody(required = false) CancelRequest request, Principal user) {
        return actions.cancel(id, request == null ? null : request.reason(), user.getName());
    }

    @PostMapping("/{id}/hops/{number}/resend")
    @Operation(summary = "Send a waiting hop's request again", description = "Email and webhook again, same deadline.")
    @ApiResponse(responseCode = "200", description = "Sent again; the traceback as it is now")
    @ApiResponse(responseCode = "409", description = "The hop is not waiting for an answer", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    TracebackDetail resend(@PathVariable String id, @Parameter(description = "Hop number, 1 = terminating provider")
                           @PathVariable int number, Principal user) {
        return actions.resend(id, number, user.getName());
    }

    @PostMapping("/{id}/hops/{number}/reopen")
    @Operation(summary = "Reopen the last hop", description = "Asks a non-responsive or cancelled hop's provider again, "
            + "with a new deadline; the traceback is open again. A late answer already recorded is routed at once.")
    @ApiResponse(responseCode = "200", description = "Reopened; the traceback as it is now")
    @ApiResponse(responseCode = "409", description = "Not the last hop, or not non-responsive or cancelled",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    TracebackDetail reopen(@PathVariable String id, @PathVariable int number, Principal user) {
        return actions.reopen(id, number, user.getName());
    }
}
