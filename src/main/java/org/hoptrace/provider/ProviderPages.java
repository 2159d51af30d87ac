package org.hoptrace.provider;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's provider list and provider page, with the actions on a provider: vet it, issue API
 * credentials, rotate the webhook secret. A new secret travels to the provider page once, as a flash
 * attribute, and is not shown again.
 */
@Controller
@RequestMapping("/providers")
class ProviderPages {

    static final String ID = "/{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";
    static final int PAGE_SIZE = 25;
    private static final int RECENT_HOPS = 20;

    private final ProviderRepository providers;
    private final ProviderService service;
    private final ProviderHops hops;

    ProviderPages(ProviderRepository providers, ProviderService service, ProviderHops hops) {
        this.providers = providers;
        this.service = service;
        this.hops = hops;
    }

    /** {@code status}: empty for all, {@code registered}, or {@code unvetted} (named by an answer, not vetted). */
    @GetMapping
    String list(@RequestParam(defaultValue = "") String query, @RequestParam(defaultValue = "") String role,
                @RequestParam(defaultValue = "") String country, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Provider.Role roleValue = role.isBlank() || !roleKnown(role) ? null : Provider.Role.ofCode(role);
        String countryValue = country.strip().matches("[A-Za-z]{2}") ? country.strip() : null;
        Boolean registered = switch (status) {
            case "registered" -> true;
            case "unvetted" -> false;
            default -> null;
        };
        model.addAttribute("providers", providers.page(
                new ProviderFilter(query, roleValue, countryValue, registered, Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("query", query);
        model.addAttribute("role", roleValue == null ? "" : roleValue.code());
        model.addAttribute("country", countryValue == null ? "" : countryValue.toUpperCase());
        model.addAttribute("status", registered == null ? "" : status);
        model.addAttribute("roles", Provider.Role.values());
        return "providers/list";
    }

    @GetMapping(ID)
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("provider", providers.get(id));
        model.addAttribute("hops", hops.recent(id, RECENT_HOPS));
        return "providers/detail";
    }

    @PostMapping(ID + "/registration")
    String vet(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            service.markRegistered(id);
            redirect.addFlashAttribute("message", "The provider is vetted and registered.");
        } catch (InvalidProviderException e) {
            redirect.addFlashAttribute("vettingProblems", e.problems());
        } catch (FilerIdTakenException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/providers/" + id;
    }

    @PostMapping(ID + "/api-credentials")
    String issueApiCredentials(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("credentials", service.issueApiCredentials(id));
        } catch (ProviderStateException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/providers/" + id;
    }

    @PostMapping(ID + "/webhook-secret")
    String rotateWebhookSecret(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("webhookSecret", service.rotateWebhookSecret(id));
        } catch (ProviderStateException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/providers/" + id;
    }

    @ExceptionHandler
    void unknown(UnknownProviderException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    static boolean roleKnown(String code) {
        for (Provider.Role role : Provider.Role.values()) {
            if (role.code().equalsIgnoreCase(code.strip())) {
                return true;
            }
        }
        return false;
    }
}
