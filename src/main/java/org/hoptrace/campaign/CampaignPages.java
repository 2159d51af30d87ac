package org.hoptrace.campaign;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hoptrace.traceback.ConsoleFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's campaign pages: the list (sortable by volume and growth) and a campaign with its pictures and actions. */
@Controller
@RequestMapping("/campaigns")
@PreAuthorize("hasAnyRole('ITG_STAFF', 'ADMIN', 'OPERATON_ADMIN')")
class CampaignPages {

    private final CampaignRepository campaigns;
    private final CampaignVolumes volumes;
    private final CampaignEcosystem ecosystems;
    private final CampaignTracebacks tracebacks;
    private final CampaignActions actions;
    private final CampaignSettings settings;
    private final Clock clock;

    CampaignPages(CampaignRepository campaigns, CampaignVolumes volumes, CampaignEcosystem ecosystems,
                  CampaignTracebacks tracebacks, CampaignActions actions, CampaignSettings settings, Clock clock) {
        this.campaigns = campaigns;
        this.volumes = volumes;
        this.ecosystems = ecosystems;
        this.tracebacks = tracebacks;
        this.actions = actions;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(defaultValue = "0") int page, Model model) {
        try {
            CampaignFilter filter = CampaignFilter.of(status, category, sort, dir, page, 25);
            model.addAttribute("listing", campaigns.page(filter));
            model.addAttribute("sort", filter.sort());
            model.addAttribute("dir", filter.descending() ? "desc" : "asc");
        } catch (InvalidCampaignRequestException invalid) {
            model.addAttribute("problem", String.join("; ", invalid.fieldProblems().values()));
            model.addAttribute("sort", "volume");
            model.addAttribute("dir", "desc");
        }
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("categories", campaigns.categories());
        return page(model, "campaigns/list");
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, @RequestParam(required = false) String by, Model model) {
        Campaign campaign = campaigns.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no campaign " + id));
        String unit = "hour".equals(by) ? "hour" : "day";
        model.addAttribute("campaign", campaign);
        model.addAttribute("unit", unit);
        model.addAttribute("trendSvg", Charts.trend(volumes.of(id, unit, null, null).buckets(), unit));
        Ecosystem ecosystem = ecosystems.of(id);
        model.addAttribute("ecosystem", ecosystem);
        model.addAttribute("ecosystemSvg", ecosystem.providers().isEmpty() ? null : Charts.ecosystem(ecosystem));
        model.addAttribute("calls", campaigns.sampleCalls(id, settings.sampleCalls()));
        model.addAttribute("tracebacks", tracebacks.of(id, null));
        model.addAttribute("crossings", campaigns.crossings(id));
        model.addAttribute("events", campaigns.events(id));
        model.addAttribute("states", Summaries.states(campaign));
        return page(model, "campaigns/detail");
    }

    @PostMapping("/{id}/name")
    String rename(@PathVariable UUID id, @RequestParam String name, Principal user, RedirectAttributes flash) {
        return act(id, flash, () -> {
            actions.change(id, name, null, user.getName());
            return "Renamed.";
        });
    }

    @PostMapping("/{id}/status")
    String status(@PathVariable UUID id, @RequestParam String status, Principal user, RedirectAttributes flash) {
        return act(id, flash, () -> "Status: " + actions.change(id, null, status, user.getName()).status().code() + ".");
    }

    @PostMapping("/{id}/tracebacks")
    String trace(@PathVariable UUID id, @RequestParam(required = false) Long callId,
                 @RequestParam(required = false) Integer count, Principal user, RedirectAttributes flash) {
        return act(id, flash, () -> {
            List<UUID> opened = actions.trace(id, callId, count, user.getName());
            return opened.size() == 1 ? "Traceback started." : opened.size() + " tracebacks started.";
        });
    }

    private interface Action {
        String run();
    }

    private String act(UUID id, RedirectAttributes flash, Action action) {
        try {
            flash.addFlashAttribute("message", action.run());
        } catch (InvalidCampaignRequestException invalid) {
            flash.addFlashAttribute("error", String.join("; ", invalid.fieldProblems().values()));
        } catch (CampaignStateException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        } catch (UnknownCampaignException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, unknown.getMessage());
        }
        return "redirect:/campaigns/" + id;
    }

    private String page(Model model, String template) {
        Instant now = clock.instant();
        model.addAttribute("active", "campaigns");
        model.addAttribute("fmt", ConsoleFormat.at(now));
        return template;
    }
}
