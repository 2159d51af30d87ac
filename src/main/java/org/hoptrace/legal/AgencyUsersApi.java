package org.hoptrace.legal;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.hoptrace.agency.AgencyRepository;
import org.hoptrace.agency.UnknownAgencyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff manage an agency's portal users: list (agency readers), invite and disable (ITG staff, administrators). */
@RestController
@RequestMapping("/api/v1/agencies/{agencyId}/users")
@Tag(name = "Agency portal users", description = "Invite agency users (an address at a verified domain of the agency), "
        + "list and disable them. See docs/agency-portal.md.")
class AgencyUsersApi {

    private final AgencyUserRepository users;
    private final AgencyRepository agencies;
    private final AgencyInvitations invitations;

    AgencyUsersApi(AgencyUserRepository users, AgencyRepository agencies, AgencyInvitations invitations) {
        this.users = users;
        this.agencies = agencies;
        this.invitations = invitations;
    }

    @GetMapping
    @Operation(summary = "The agency's portal users")
    List<AgencyUserView> list(@PathVariable UUID agencyId) {
        return users.ofAgency(agencies.get(agencyId).id()).stream().map(AgencyUserView::of).toList();
    }

    /** Who to invite. */
    record Invitation(String email, String fullName) {
    }

    @PostMapping
    @Operation(summary = "Invite a portal user", description = "Emails a link that works once, until it expires "
            + "(hoptrace.agency-portal.invitation-validity). Inviting an invited user again sends a new link.")
    @ApiResponse(responseCode = "201", description = "Invited")
    @ApiResponse(responseCode = "400", description = "Address not at a verified domain, missing name, agency deactivated",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The address has a portal user already", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<AgencyUserView> invite(@PathVariable UUID agencyId, @RequestBody Invitation invitation,
                                          Principal staff) {
        AgencyUser user = invitations.invite(agencyId, invitation.email(), invitation.fullName(), staff.getName());
        return ResponseEntity.created(URI.create("/api/v1/agencies/" + agencyId + "/users/" + user.id()))
                .body(AgencyUserView.of(user));
    }

    @PostMapping("/{userId}/disable")
    @Operation(summary = "Disable a portal user", description = "No login, no API token of the user works any more.")
    AgencyUserView disable(@PathVariable UUID agencyId, @PathVariable UUID userId, Principal staff) {
        return AgencyUserView.of(invitations.disable(agencyId, userId, staff.getName()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidAgencyInputException e, HttpServletRequest request) {
        return AgencyApiProblems.invalid(e.problems(), request);
    }

    @ExceptionHandler({UnknownAgencyException.class, LegalRequestNotFoundException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e, HttpServletRequest request) {
        return AgencyApiProblems.notFound(e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> taken(AgencyUserTakenException e, HttpServletRequest request) {
        return AgencyApiProblems.conflict(e.getMessage(), request);
    }
}
