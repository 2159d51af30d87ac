package org.hoptrace.agency;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** An agency as the API shows it: codes for type and notices, states in alphabetical order. */
@Schema(name = "Agency")
record AgencyView(
        UUID id,
        @Schema(example = "Illinois Attorney General") String name,
        @Schema(description = "state-attorney-general, fcc, ftc, doj, state-regulator, local-law-enforcement or other",
                example = "state-attorney-general") String type,
        @Schema(description = "USPS codes; empty for a nationwide agency", example = "[\"IL\"]")
        List<String> jurisdictionStates,
        @Schema(description = "true when the agency has no states: it has jurisdiction everywhere") boolean nationwide,
        @Schema(example = "[\"robocalls@ag-il.example\"]") List<String> contactEmails,
        @Schema(description = "Notices it wants: non-cooperation-referral, campaign-alert",
                example = "[\"campaign-alert\", \"non-cooperation-referral\"]") List<String> notices,
        @Schema(description = "Email domains its portal users must use", example = "[\"ag-il.example\"]")
        List<String> verifiedDomains,
        @Schema(description = "false: deactivated, gets no notices") boolean active,
        Instant createdAt, Instant updatedAt) {

    static AgencyView of(Agency agency) {
        return new AgencyView(agency.id(), agency.name(), agency.type().code(), agency.sortedStates(),
                agency.isNationwide(), agency.contactEmails(),
                agency.noticeCodes(), agency.verifiedDomains(),
                agency.active(), agency.createdAt(), agency.updatedAt());
    }

    /** One page of agencies, as the traceback list pages. */
    @Schema(name = "AgencyPage")
    record Page(List<AgencyView> items, int page, int size, long total, int totalPages) {

        static Page of(AgencyPage page) {
            return new Page(page.items().stream().map(AgencyView::of).toList(), page.page(), page.size(), page.total(),
                    page.totalPages());
        }
    }
}
