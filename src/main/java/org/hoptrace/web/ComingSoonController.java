package org.hoptrace.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Console sections whose features are still being built: each page says which feature brings it. */
@Controller
class ComingSoonController {

    record Section(String title, String description, String feature) {
    }

    private static final Map<String, Section> SECTIONS = Map.of(
            "campaigns", new Section("Campaigns",
                    "Robocall campaigns: ingestion, detection and trends.", "campaign"));

    @GetMapping("/{section:campaigns}")
    String section(@PathVariable String section, Model model) {
        model.addAttribute("section", SECTIONS.get(section));
        model.addAttribute("active", section);
        return "coming-soon";
    }
}
