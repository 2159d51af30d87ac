package org.hoptrace.agency;

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

/** The console's form to register an agency or change one; errors are shown by field, with the values kept. */
@Controller
@RequestMapping("/agencies")
class AgencyFormPages {

    private final AgencyRepository agencies;
    private final AgencyService service;

    AgencyFormPages(AgencyRepository agencies, AgencyService service) {
        this.agencies = agencies;
        this.service = service;
    }

    @GetMapping("/new")
    String newAgency(Model model) {
        return form(model, AgencyForm.blank(), null, Map.of());
    }

    @PostMapping("/new")
    String create(@ModelAttribute AgencyForm form, Model model, RedirectAttributes redirect) {
        try {
            return saved(service.create(form.toDraft()), "The agency is registered.", redirect);
        } catch (InvalidAgencyException e) {
            return form(model, form, null, e.problems());
        } catch (AgencyNameTakenException e) {
            return form(model, form, null, nameTaken(e));
        }
    }

    @GetMapping(AgencyPages.ID + "/edit")
    String edit(@PathVariable UUID id, Model model) {
        Agency agency = agencies.get(id);
        return form(model, AgencyForm.of(agency), agency, Map.of());
    }

    @PostMapping(AgencyPages.ID + "/edit")
    String update(@PathVariable UUID id, @ModelAttribute AgencyForm form, Model model, RedirectAttributes redirect) {
        Agency current = agencies.get(id);
        try {
            return saved(service.update(id, form.toDraft()), "The changes are saved.", redirect);
        } catch (InvalidAgencyException e) {
            return form(model, form, current, e.problems());
        } catch (AgencyNameTakenException e) {
            return form(model, form, current, nameTaken(e));
        }
    }

    @ExceptionHandler
    void unknown(UnknownAgencyException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private static String saved(Agency agency, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", message);
        return "redirect:/agencies/" + agency.id();
    }

    private static Map<String, String> nameTaken(AgencyNameTakenException e) {
        return Map.of("name", "another agency has this name");
    }

    /** {@code agency}: the agency being changed, null for a new one. */
    private static String form(Model model, AgencyForm form, Agency agency, Map<String, String> problems) {
        model.addAttribute("form", form);
        model.addAttribute("agency", agency);
        model.addAttribute("problems", problems);
        model.addAttribute("types", Agency.Type.values());
        model.addAttribute("notices", Agency.Notice.values());
        return "agencies/form";
    }
}
