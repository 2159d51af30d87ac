package org.hoptrace.cooperation;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hoptrace.traceback.ConsoleFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** The console's cooperation pages: all providers' records, a provider's scorecard, the non-cooperative list, exports. */
@Controller
@RequestMapping("/cooperation")
@PreAuthorize("hasAnyRole('ITG_STAFF', 'ADMIN', 'OPERATON_ADMIN')")
class CooperationPages {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CooperationRecords records;
    private final CooperationAssessment assessment;
    private final AssessmentRuns runs;
    private final EscalationHistory escalations;
    private final Clock clock;

    CooperationPages(CooperationRecords records, CooperationAssessment assessment, AssessmentRuns runs,
                     EscalationHistory escalations, Clock clock) {
        this.records = records;
        this.assessment = assessment;
        this.runs = runs;
        this.escalations = escalations;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, @RequestParam(defaultValue = "0") int page, Model model) {
        Instant now = clock.instant();
        model.addAttribute("listing", RecordListing.of(records.all(now), status, sort, dir, page));
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("sort", sort == null || sort.isBlank() ? "name" : sort);
        model.addAttribute("dir", "desc".equals(dir) ? "desc" : "asc");
        model.addAttribute("lastRun", runs.latest().orElse(null));
        return page(model, now, "cooperation/list");
    }

    @PostMapping("/assessments")
    String runNow(Principal user, RedirectAttributes flash) {
        try {
            AssessmentRun run = assessment.run("staff", user.getName());
            flash.addFlashAttribute("message", "Assessment done: %d providers assessed, %d status changes, %d flags raised."
                    .formatted(run.providersAssessed(), run.statusChanges(), run.flagsRaised()));
        } catch (AssessmentRunningException running) {
            flash.addFlashAttribute("error", "Could not run the assessment: " + running.getMessage() + ".");
        } catch (RuntimeException failed) {
            flash.addFlashAttribute("error", "The assessment failed and changed nothing: " + failed.getMessage());
        }
        return "redirect:/cooperation";
    }

    @GetMapping("/providers/{providerId}")
    String scorecard(@PathVariable UUID providerId, Model model) {
        Instant now = clock.instant();
        CooperationRecord record = records.of(providerId, now)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no provider " + providerId));
        model.addAttribute("record", record);
        model.addAttribute("escalations", escalations.of(providerId));
        return page(model, now, "cooperation/scorecard");
    }

    @GetMapping("/non-cooperative")
    String nonCooperative(Model model) {
        Instant now = clock.instant();
        model.addAttribute("providers", nonCooperative(now));
        return page(model, now, "cooperation/non-cooperative");
    }

    @GetMapping("/non-cooperative.csv")
    ResponseEntity<String> nonCooperativeCsv() {
        Instant now = clock.instant();
        return csv("non-cooperative-providers", now, CooperationCsv.of(nonCooperative(now)));
    }

    @GetMapping("/records.csv")
    ResponseEntity<String> recordsCsv() {
        Instant now = clock.instant();
        return csv("cooperation-records", now, CooperationCsv.of(records.all(now)));
    }

    private List<CooperationRecord> nonCooperative(Instant now) {
        return records.all(now).stream().filter(r -> "non-cooperative".equals(r.status())).toList();
    }

    private static String page(Model model, Instant now, String template) {
        model.addAttribute("active", "cooperation");
        model.addAttribute("fmt", ConsoleFormat.at(now));
        return template;
    }

    private static ResponseEntity<String> csv(String name, Instant now, String body) {
        String file = "%s-%s.csv".formatted(name, now.toString().substring(0, 10));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .contentType(CSV)
                .body(body);
    }
}
