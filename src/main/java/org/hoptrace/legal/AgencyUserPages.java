package org.hoptrace.legal;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.hoptrace.agency.AgencyRepository;
import org.hoptrace.agency.UnknownAgencyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console page of an agency's portal users: invite, see who accepted, disable. */
@Controller
@RequestMapping("/agencies/{agencyId}/users")
class AgencyUserPages {

    private final AgencyUserRepository users;
    private final AgencyRepository agencies;
    private final AgencyInvitations invitations;

    AgencyUserPages(AgencyUserRepository users, AgencyRepository agencies, AgencyInvitations invitations) {
        this.users = users;
        this.agencies = agencies;
        this.invitations = invitations;
    }

    @GetMapping
    String list(@PathVariable UUID agencyId, Model model) {
        return page(model, agencyId, "", "", Map.of());
    }

    @PostMapping
    String invite(@PathVariable UUID agencyId, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String fullName, Principal staff, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            AgencyUser user = invitations.invite(agencyId, email, fullName, staff.getName());
            redirect.addFlashAttribute("message", "Invitation sent to " + user.email() + ".");
            return "redirect:/agencies/" + agencyId + "/users";
        } catch (InvalidAgencyInputException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, agencyId, email, fullName, invalid.problems());
        } catch (AgencyUserTakenException taken) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(model, agencyId, email, fullName, Map.of("email", taken.getMessage()));
        }
    }

    @PostMapping("/{userId}/disable")
    String disable(@PathVariable UUID agencyId, @PathVariable UUID userId, Principal staff, RedirectAttributes redirect) {
        AgencyUser user = invitations.disable(agencyId, userId, staff.getName());
        redirect.addFlashAttribute("message", user.email() + " is disabled.");
        return "redirect:/agencies/" + agencyId + "/users";
    }

    private String page(Model model, UUID agencyId, String email, String fullName, Map<String, String> errors) {
        model.addAttribute("agency", agencies.get(agencyId));
        model.addAttribute("users", users.ofAgency(agencyId));
        model.addAttribute("email", email);
        model.addAttribute("fullName", fullName);
        model.addAttribute("errors", errors);
        return "agency-portal/staff-users";
    }

    @ExceptionHandler({UnknownAgencyException.class, LegalRequestNotFoundException.class})
    void unknown(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
