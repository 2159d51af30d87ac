package org.hoptrace.traceback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.hoptrace.document.Document;
import org.hoptrace.document.DocumentStore;
import org.hoptrace.provider.ProviderRepository;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff console's traceback pages: the list with its filters, the new-traceback form, a traceback's page. */
@Controller
@RequestMapping("/tracebacks")
@PreAuthorize("hasAnyRole('ITG_STAFF', 'ADMIN', 'OPERATON_ADMIN')")
class TracebackConsoleController {

    static final int PAGE_SIZE = 25;
    private static final int PROVIDER_CHOICES = 1000;

    private final OpeningTraceback opening;
    private final TracebackDetails details;
    private final TracebackQueries queries;
    private final ProviderRepository providers;
    private final HopEvidence evidence;
    private final DocumentStore documents;
    private final Clock clock;

    TracebackConsoleController(OpeningTraceback opening, TracebackDetails details, TracebackQueries queries,
                               ProviderRepository providers, HopEvidence evidence, DocumentStore documents, Clock clock) {
        this.evidence = evidence;
        this.documents = documents;
        this.opening = opening;
        this.details = details;
        this.queries = queries;
        this.providers = providers;
        this.clock = clock;
    }

    /** The list's parameters as given, echoed into the filter form and the paging links. */
    record ListParams(String status, String outcome, String campaign, String provider, String providerId,
                      boolean overdue, String q) {

        String query(int page) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("status", status);
            params.put("outcome", outcome);
            params.put("campaign", campaign);
            params.put("provider", provider);
            params.put("providerId", providerId);
            params.put("overdue", overdue ? "true" : null);
            params.put("q", q);
            params.put("page", page > 0 ? String.valueOf(page) : null);
            StringBuilder query = new StringBuilder("/tracebacks");
            params.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    query.append(query.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                            .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
                }
            });
            return query.toString();
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String outcome,
                @RequestParam(required = false) String campaign, @RequestParam(required = false) String provider,
                @RequestParam(required = false) String providerId, @RequestParam(defaultValue = "false") boolean overdue,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        ListParams params = new ListParams(status, outcome, campaign, provider, providerId, overdue, q);
        model.addAttribute("params", params);
        try {
            TracebackFilter filter = TracebackFilter.parse(status, outcome, campaign, providerId, provider, overdue, q);
            TracebackPage result = queries.page(filter, Math.max(page, 0), PAGE_SIZE);
            model.addAttribute("result", result);
            model.addAttribute("previousLink", result.hasPrevious() ? params.query(result.page() - 1) : null);
            model.addAttribute("nextLink", result.hasNext() ? params.query(result.page() + 1) : null);
            if (filter.providerId() != null) {
                providers.find(filter.providerId())
                        .ifPresent(chosen -> model.addAttribute("chosenProvider", chosen.legalName()));
            }
        } catch (InvalidTracebackRequestException invalid) {
            model.addAttribute("filterError", String.join("; ", invalid.fieldProblems().values()));
        }
        model.addAttribute("statuses", Traceback.Status.values());
        model.addAttribute("outcomes", Traceback.Outcome.values());
        model.addAttribute("campaigns", queries.campaigns(200));
        model.addAttribute("providers", providers.search(null, PROVIDER_CHOICES));
        model.addAttribute("fmt", new ConsoleFormat(clock.instant()));
        model.addAttribute("active", "tracebacks");
        return "tracebacks/list";
    }

    @GetMapping("/new")
    String newTraceback(Model model) {
        return form(TracebackInput.blank(), Map.of(), model);
    }

    @PostMapping
    String open(@ModelAttribute TracebackInput form, Principal user, Model model, RedirectAttributes flash) {
        try {
            Traceback traceback = opening.open(form, user.getName());
            flash.addFlashAttribute("message", "Traceback %s is open: hop 1 asks %s."
                    .formatted(traceback.reference(), details.of(traceback).terminatingProvider().name()));
            return "redirect:/tracebacks/" + traceback.reference();
        } catch (InvalidTracebackRequestException invalid) {
            return form(form, invalid.fieldProblems(), model);
        }
    }

    @GetMapping("/{id}")
    String traceback(@PathVariable String id, Model model) {
        model.addAttribute("tb", details.of(id));
        model.addAttribute("fmt", new ConsoleFormat(clock.instant()));
        model.addAttribute("active", "tracebacks");
        return "tracebacks/detail";
    }

    /** An evidence file of a hop, downloaded from the traceback page. */
    @GetMapping("/{id}/hops/{number}/evidence/{documentId}")
    ResponseEntity<byte[]> evidence(@PathVariable String id, @PathVariable int number, @PathVariable UUID documentId) {
        Hop hop = details.hop(details.resolve(id), number);
        Document document = evidence.document(hop.id(), documentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such evidence file on this hop"));
        byte[] content = documents.content(document.id());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .contentLength(content.length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(document.filename(), StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    private String form(TracebackInput form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("providers", providers.search(null, PROVIDER_CHOICES));
        model.addAttribute("active", "tracebacks");
        return "tracebacks/new";
    }
}
