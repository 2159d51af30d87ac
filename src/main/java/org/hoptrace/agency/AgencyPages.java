package org.hoptrace.agency;

import java.io.IOException;
import java.util.Locale;
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

/** The console's agency list and agency page, with deactivate and activate. */
@Controller
@RequestMapping("/agencies")
class AgencyPages {

    static final String ID = "/{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";
    static final int PAGE_SIZE = 25;

    private final AgencyRepository agencies;
    private final AgencyService service;

    AgencyPages(AgencyRepository agencies, AgencyService service) {
        this.agencies = agencies;
        this.service = service;
    }

    /**
     * Unknown filter values are ignored (shown as "any"). {@code status}: {@code active} (the default),
     * {@code deactivated} or {@code all}.
     */
    @GetMapping
    String list(@RequestParam(defaultValue = "") String query, @RequestParam(defaultValue = "") String type,
                @RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "") String notice,
                @RequestParam(defaultValue = "active") String status, @RequestParam(defaultValue = "0") int page,
                Model model) {
        Agency.Type typeValue = AgencyDraft.typeOf(type.strip().toLowerCase(Locale.ROOT));
        String stateValue = UspsCodes.isValid(state) ? state.strip().toUpperCase(Locale.ROOT) : null;
        Agency.Notice noticeValue = AgencyDraft.noticeOf(notice.strip().toLowerCase(Locale.ROOT));
        Boolean active = switch (status) {
            case "deactivated" -> false;
            case "all" -> null;
            default -> true;
        };
        model.addAttribute("agencies", agencies.page(
                new AgencyFilter(query, typeValue, stateValue, noticeValue, active, Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("query", query);
        model.addAttribute("type", typeValue == null ? "" : typeValue.code());
        model.addAttribute("state", stateValue == null ? "" : stateValue);
        model.addAttribute("notice", noticeValue == null ? "" : noticeValue.code());
        model.addAttribute("status", active == null ? "all" : active ? "active" : "deactivated");
        model.addAttribute("types", Agency.Type.values());
        model.addAttribute("notices", Agency.Notice.values());
        model.addAttribute("states", UspsCodes.ALL.stream().sorted().toList());
        return "agencies/list";
    }

    @GetMapping(ID)
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("agency", agencies.get(id));
        return "agencies/detail";
    }

    @PostMapping(ID + "/deactivate")
    String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        service.deactivate(id);
        redirect.addFlashAttribute("message", "The agency is deactivated: it gets no notices until it is activated again.");
        return "redirect:/agencies/" + id;
    }

    @PostMapping(ID + "/activate")
    String activate(@PathVariable UUID id, RedirectAttributes redirect) {
        service.activate(id);
        redirect.addFlashAttribute("message", "The agency is active again.");
        return "redirect:/agencies/" + id;
    }

    @ExceptionHandler
    void unknown(UnknownAgencyException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
