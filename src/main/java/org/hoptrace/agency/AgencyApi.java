package org.hoptrace.agency;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The agency registry (docs/agencies.md): ITG staff, legal reviewers and supervisors read it; ITG staff
 * and administrators change it (SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/v1/agencies")
@Tag(name = "Agencies", description = "Agencies that receive referrals and campaign alerts and send legal requests. "
        + "Read: ITG staff, legal reviewers and supervisors, administrators; change: ITG staff and administrators.")
@ApiResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "The user's role may not do this", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class AgencyApi {

    private final AgencyRepository agencies;
    private final AgencyService service;

    AgencyApi(AgencyRepository agencies, AgencyService service) {
        this.agencies = agencies;
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Agencies by name, filtered and paged")
    @ApiResponse(responseCode = "200", description = "One page of agencies and the total")
    @ApiResponse(responseCode = "400", description = "A filter or paging parameter is invalid, each listed in `errors`",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AgencyView.Page list(
            @Parameter(description = "Part of the name, ignoring case") @RequestParam(required = false) String query,
            @Parameter(description = "state-attorney-general, fcc, ftc, doj, state-regulator, local-law-enforcement, other")
            @RequestParam(required = false) String type,
            @Parameter(description = "USPS code: agencies with jurisdiction there (listing the state, or nationwide)")
            @RequestParam(required = false) String state,
            @Parameter(description = "non-cooperation-referral or campaign-alert: agencies that want it")
            @RequestParam(required = false) String notice,
            @Parameter(description = "true: active only; false: deactivated only; absent: all")
            @RequestParam(required = false) Boolean active,
            @Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Agencies per page, 1 to 100") @RequestParam(defaultValue = "20") int size) {
        return AgencyView.Page.of(agencies.page(AgencyFilter.parse(query, type, state, notice, active, page, size)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An agency")
    @ApiResponse(responseCode = "200", description = "The agency")
    @ApiResponse(responseCode = "404", description = "No such agency", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AgencyView get(@PathVariable UUID id) {
        return AgencyView.of(agencies.get(id));
    }

    @PostMapping
    @Operation(summary = "Register an agency", description = "Values are trimmed; states upper case, domains lower "
            + "case. State agencies name at least one state, federal ones (fcc, ftc, doj) none. The new agency is active.")
    @ApiResponse(responseCode = "201", description = "Registered; Location names the new agency")
    @ApiResponse(responseCode = "400", description = "Invalid fields, each listed in `errors` with `field` and `message`",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Another agency has the name (ignoring case): `existingAgencyId`",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<AgencyView> create(@RequestBody AgencyDraft draft) {
        Agency agency = service.create(draft);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(agency.id()).toUri();
        return ResponseEntity.created(location).body(AgencyView.of(agency));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an agency", description = "Replaces name, type, states, contacts, notices and "
            + "domains; whether it is active is changed only by deactivate and activate.")
    @ApiResponse(responseCode = "200", description = "Changed; the agency as it is now")
    @ApiResponse(responseCode = "400", description = "Invalid fields, each listed in `errors`", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such agency", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Another agency has the name", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AgencyView update(@PathVariable UUID id, @RequestBody AgencyDraft draft) {
        return AgencyView.of(service.update(id, draft));
    }

    @PostMapping("/{id}/deactivate")
    @Operation(summary = "Deactivate an agency", description = "It gets no notices from now on and stays in the "
            + "registry (agencies are never deleted). Deactivating twice changes nothing.")
    @ApiResponse(responseCode = "200", description = "The agency as it is now")
    @ApiResponse(responseCode = "404", description = "No such agency", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AgencyView deactivate(@PathVariable UUID id) {
        return AgencyView.of(service.deactivate(id));
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Activate an agency again", description = "Activating an active agency changes nothing.")
    @ApiResponse(responseCode = "200", description = "The agency as it is now")
    @ApiResponse(responseCode = "404", description = "No such agency", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AgencyView activate(@PathVariable UUID id) {
        return AgencyView.of(service.activate(id));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknown(UnknownAgencyException e, HttpServletRequest request) {
        return AgencyProblems.notFound(e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidAgencyException e, HttpServletRequest request) {
        return AgencyProblems.invalid(e.problems(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> nameTaken(AgencyNameTakenException e, HttpServletRequest request) {
        return AgencyProblems.nameTaken(e, request);
    }
}
