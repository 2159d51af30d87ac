package org.hoptrace.provider;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's form to register a provider or change one; errors are shown by field, with the values kept. */
@Controller
@RequestMapping("/providers")
class ProviderFormPages {

    private final ProviderRepository providers;
    private final ProviderService service;

    ProviderFormPages(ProviderRepository providers, ProviderService service) {
        this.providers = providers;
        this.service = service;
    }

    @GetMapping("/new")
    String newProvider(Model model) {
        return form(model, ProviderForm.blank(), null, Map.of());
    }

    @PostMapping("/new")
    String create(@ModelAttribute ProviderForm form, Model model, RedirectAttributes redirect) {
        try {
            ProviderService.Saved saved = service.create(form.toDraft());
            return saved(saved, "The provider is registered.", redirect);
        } catch (InvalidProviderException e) {
            return form(model, form.withoutSecret(), null, e.problems());
        } catch (FilerIdTakenException e) {
            return form(model, form.withoutSecret(), null, filerIdTaken(e));
        }
    }

    @GetMapping(ProviderPages.ID + "/edit")
    String edit(@PathVariable UUID id, Model model) {
        return form(model, ProviderForm.of(providers.get(id)), providers.get(id), Map.of());
    }

    @PostMapping(ProviderPages.ID + "/edit")
    String update(@PathVariable UUID id, @ModelAttribute ProviderForm form, Model model, RedirectAttributes redirect) {
        Provider current = providers.get(id);
        try {
            return saved(service.update(id, form.toDraft()), "The changes are saved.", redirect);
        } catch (InvalidProviderException e) {
            return form(model, form.withoutSecret(), current, e.problems());
        } catch (FilerIdTakenException e) {
            return form(model, form.withoutSecret(), current, filerIdTaken(e));
        }
    }

    @ExceptionHandler
    void unknown(UnknownProviderException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private static String saved(ProviderService.Saved saved, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", message);
        if (saved.generatedWebhookSecret() != null) {
            redirect.addFlashAttribute("webhookSecret", saved.generatedWebhookSecret());
        }
        return "redirect:/providers/" + saved.provider().id();
    }

    private static Map<String, String> filerIdTaken(FilerIdTakenException e) {
        return Map.of("filer499Id", "already registered (provider " + e.existing().legalName() + ")");
    }

    /** {@code provider}: the provider being changed, null for a new one. */
    private static String form(Model model, ProviderForm form, Provider provider, Map<String, String> problems) {
        model.addAttribute("form", form);
        model.addAttribute("provider", provider);
        model.addAttribute("problems", problems);
        model.addAttribute("roles", Provider.Role.values());
        return "providers/form";
    }
}
