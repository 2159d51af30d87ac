package org.hoptrace.calls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's data sources: the list with each source's ingestion status, registering a source, a
 * source's page with its latest batches, a new API key (shown once, as a flash attribute) and CSV upload
 * with its report; the whole rejection list of a batch downloads as CSV.
 */
@Controller
@RequestMapping("/sources")
class SourcePages {

    static final String ID = "/{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";
    private static final int RECENT_BATCHES = 20;
    private static final int PROVIDER_CHOICES = 1000;

    private final CallSourceRepository sources;
    private final SourceService service;
    private final CallIngestion ingestion;
    private final CallBatchRepository batches;
    private final ProviderRepository providers;

    SourcePages(CallSourceRepository sources, SourceService service, CallIngestion ingestion, CallBatchRepository batches,
                ProviderRepository providers) {
        this.sources = sources;
        this.service = service;
        this.ingestion = ingestion;
        this.batches = batches;
        this.providers = providers;
    }

    /** The providers a source's terminating provider is chosen from: the registered ones, by name. */
    @ModelAttribute("providers")
    List<Provider> providers() {
        return providers.search("", PROVIDER_CHOICES).stream().filter(Provider::registered).toList();
    }

    @ModelAttribute("kinds")
    CallSource.Kind[] kinds() {
        return CallSource.Kind.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("sources", sources.all());
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new SourceDraft("", "carrier", ""));
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", java.util.Map.of());
        }
        return "sources/list";
    }

    @PostMapping
    String create(SourceDraft draft, Model model, RedirectAttributes redirect) {
        try {
            SourceService.Registered registered = service.register(draft);
            redirect.addFlashAttribute("key", registered.key());
            return "redirect:/sources/" + registered.source().id();
        } catch (InvalidSourceException e) {
            model.addAttribute("problems", e.problems());
        } catch (SourceNameTakenException e) {
            model.addAttribute("problems", java.util.Map.of("name", e.getMessage()));
        }
        model.addAttribute("draft", draft);
        return list(model);
    }

    @GetMapping(ID)
    String detail(@PathVariable UUID id, Model model) {
        CallSource source = sources.get(id);
        model.addAttribute("source", source);
        model.addAttribute("terminatingProvider", source.terminatingProviderId() == null ? null
                : providers.find(source.terminatingProviderId()).orElse(null));
        model.addAttribute("batches", batches.recent(id, RECENT_BATCHES));
        if (!model.containsAttribute("layout")) {
            model.addAttribute("layout", "");
        }
        return "sources/detail";
    }

    @PostMapping(ID + "/terminating-provider")
    String setTerminatingProvider(@PathVariable UUID id, @RequestParam(required = false) UUID terminatingProviderId,
                                  RedirectAttributes redirect) {
        try {
            service.setTerminatingProvider(id, terminatingProviderId);
            redirect.addFlashAttribute("success", terminatingProviderId == null ? "The terminating provider was removed."
                    : "The terminating provider was changed.");
        } catch (InvalidSourceException e) {
            redirect.addFlashAttribute("failure", e.problems().get("terminatingProviderId"));
        }
        return "redirect:/sources/" + id;
    }

    /** A new key replaces the working one at once: the form asks to confirm when there is one. */
    @PostMapping(ID + "/api-key")
    String issueKey(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean replace, RedirectAttributes redirect) {
        if (sources.get(id).apiKeyPrefix() != null && !replace) {
            redirect.addFlashAttribute("failure", "Confirm that the current key may stop working.");
        } else {
            redirect.addFlashAttribute("key", service.issueKey(id));
        }
        return "redirect:/sources/" + id;
    }

    @PostMapping(ID + "/upload")
    String upload(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "") String layout, Principal staff, Model model) throws IOException {
        sources.get(id);
        model.addAttribute("layout", layout);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileProblems", List.of("choose a CSV file"));
            return detail(id, model);
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        try (InputStream in = file.getInputStream()) {
            IngestReport report = ingestion.ingest(id, CallIngestion.Channel.CONSOLE, staff.getName(), CallFormat.CSV,
                    layout, StandardCharsets.UTF_8, in);
            model.addAttribute("report", report.withRejectionsUrl(
                    "/sources/" + id + "/batches/" + report.batchId() + "/rejections.csv"));
        } catch (UnreadableCallsException e) {
            model.addAttribute("fileProblems", List.of(e.getMessage()));
        }
        return detail(id, model);
    }

    @GetMapping(ID + "/batches/{batchId}/rejections.csv")
    void rejections(@PathVariable UUID id, @PathVariable UUID batchId, HttpServletResponse response) throws IOException {
        if (batches.find(id, batchId).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"rejected-" + batchId + ".csv\"");
        batches.writeRejections(batchId, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    @ExceptionHandler
    void unknown(UnknownSourceException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
