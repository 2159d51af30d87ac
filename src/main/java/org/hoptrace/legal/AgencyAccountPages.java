package org.hoptrace.legal;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency user's own account: accepting the invitation (password and authenticator app) and the
 * personal API tokens for the agency API.
 */
@Controller
class AgencyAccountPages {

    private final AgencyInvitations invitations;
    private final AgencyApiTokens tokens;

    AgencyAccountPages(AgencyInvitations invitations, AgencyApiTokens tokens) {
        this.invitations = invitations;
        this.tokens = tokens;
    }

    @GetMapping("/agency/invitation")
    String invitation(@RequestParam(defaultValue = "") String token, Model model) {
        AgencyInvitations.Enrolment enrolment = invitations.enrolment(token);
        return enrolmentPage(model, token, enrolment.user().email(), enrolment.agencyName(), enrolment.secret(),
                enrolment.otpauthUri(), Map.of());
    }

    @PostMapping("/agency/invitation")
    String accept(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String passwordAgain, @RequestParam(defaultValue = "") String secret,
                  @RequestParam(defaultValue = "") String code, Model model, HttpServletResponse response) {
        try {
            AgencyUser user = invitations.accept(token, password, passwordAgain, secret, code);
            model.addAttribute("email", user.email());
            return "agency-portal/accepted";
        } catch (InvalidAgencyInputException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            AgencyInvitations.Enrolment enrolment = invitations.enrolment(token);
            String kept = secret.matches("[A-Z2-7]{32}") ? secret : enrolment.secret();
            return enrolmentPage(model, token, enrolment.user().email(), enrolment.agencyName(), kept,
                    AgencyTotp.otpauthUri("Hoptrace", enrolment.user().email(), kept), invalid.problems());
        }
    }

    @GetMapping("/agency/tokens")
    String tokens(@AuthenticationPrincipal AgencyPrincipal agent, Model model) {
        model.addAttribute("tokens", tokens.list(agent.userId()));
        return "agency-portal/tokens";
    }

    @PostMapping("/agency/tokens")
    String create(@AuthenticationPrincipal AgencyPrincipal agent, @RequestParam(defaultValue = "") String name,
                  Model model, HttpServletResponse response) {
        try {
            model.addAttribute("created", tokens.create(agent.userId(), name));
        } catch (InvalidAgencyInputException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("nameError", invalid.problems().get("name"));
        }
        model.addAttribute("tokens", tokens.list(agent.userId()));
        return "agency-portal/tokens";
    }

    @PostMapping("/agency/tokens/{tokenId}/revoke")
    String revoke(@AuthenticationPrincipal AgencyPrincipal agent, @PathVariable UUID tokenId, RedirectAttributes redirect) {
        tokens.revoke(agent.userId(), tokenId);
        redirect.addFlashAttribute("message", "The token is revoked.");
        return "redirect:/agency/tokens";
    }

    private static String enrolmentPage(Model model, String token, String email, String agencyName, String secret,
                                        String uri, Map<String, String> errors) {
        model.addAttribute("token", token);
        model.addAttribute("email", email);
        model.addAttribute("invitedAgency", agencyName);
        model.addAttribute("secret", secret);
        model.addAttribute("otpauthUri", uri);
        model.addAttribute("errors", errors);
        return "agency-portal/invitation";
    }

    @ExceptionHandler(InvitationNotValidException.class)
    ModelAndView invitationNotValid(InvitationNotValidException e) {
        ModelAndView page = new ModelAndView("agency-portal/conflict", HttpStatus.GONE);
        page.addObject("problem", e.getMessage());
        return page;
    }

    @ExceptionHandler(LegalRequestNotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("agency-portal/not-found", HttpStatus.NOT_FOUND);
    }
}
