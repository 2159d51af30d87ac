package org.hoptrace.legal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.hoptrace.agency.AgencyRepository;
import org.hoptrace.document.DocumentRejectedException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency portal's pages: the agency's requests, a new request, a request's status, messages and
 * documents, answering a clarification question, withdrawing, downloads and the audit trail export.
 * Another agency's request is "not found" on every page.
 */
@Controller
@RequestMapping("/agency")
class AgencyPortalController {

    private final LegalRequestRepository requests;
    private final AgencyRequestSubmission submission;
    private final AgencyRequestAccess access;
    private final AgencyRepository agencies;
    private final LegalAuditTrail audit;

    AgencyPortalController(LegalRequestRepository requests, AgencyRequestSubmission submission,
                           AgencyRequestAccess access, AgencyRepository agencies, LegalAuditTrail audit) {
        this.requests = requests;
        this.submission = submission;
        this.access = access;
        this.agencies = agencies;
        this.audit = audit;
    }

    @GetMapping("/login")
    String login() {
        return "agency-portal/login";
    }

    @ModelAttribute("agencyName")
    String agencyName(@AuthenticationPrincipal AgencyPrincipal agent) {
        return agent == null ? null : agencies.find(agent.agencyId()).map(a -> a.name()).orElse(null);
    }

    @GetMapping
    String list(@AuthenticationPrincipal AgencyPrincipal agent, @RequestParam(defaultValue = "0") int page, Model model) {
        LegalRequestFilter filter = LegalRequestFilter.ofAgency(agent.agencyId(), page, 50);
        model.addAttribute("requests", requests.list(filter));
        model.addAttribute("total", requests.count(filter));
        model.addAttribute("page", filter.page());
        return "agency-portal/requests";
    }

    @GetMapping("/requests/new")
    String newRequest(Model model) {
        return form(model, new AgencyRequestForm(), Map.of());
    }

    @PostMapping("/requests")
    String submit(@AuthenticationPrincipal AgencyPrincipal agent, @ModelAttribute("form") AgencyRequestForm form,
                  @RequestParam(name = "documents", required = false) List<MultipartFile> documents, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            LegalRequest request = submission.submit(agent, form.toDraft(), documents);
            redirect.addFlashAttribute("message", "Submitted: your reference is " + request.reference() + ".");
            return "redirect:/agency/requests/" + request.id();
        } catch (InvalidAgencyInputException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form, formErrors(invalid.problems()));
        } catch (DocumentRejectedException rejected) {
            response.setStatus(AgencyApiProblems.status(rejected).value());
            return form(model, form, Map.of("documents", rejected.getMessage()));
        }
    }

    @GetMapping("/requests/{id}")
    String request(@AuthenticationPrincipal AgencyPrincipal agent, @PathVariable UUID id, Model model) {
        LegalRequest request = access.view(agent, id);
        model.addAttribute("request", request);
        model.addAttribute("messages", requests.messages(id));
        model.addAttribute("documents", access.documents(request));
        model.addAttribute("question", access.openQuestion(id).orElse(null));
        List<AuditEntry> trail = audit.entries(id);
        model.addAttribute("audit", trail);
        model.addAttribute("auditIntact", LegalAuditTrail.verify(trail).intact());
        return "agency-portal/request";
    }

    @PostMapping("/requests/{id}/clarification")
    String answer(@AuthenticationPrincipal AgencyPrincipal agent, @PathVariable UUID id,
                  @RequestParam(defaultValue = "") String text,
                  @RequestParam(name = "documents", required = false) List<MultipartFile> documents,
                  RedirectAttributes redirect) {
        try {
            submission.answerClarification(agent, id, text, documents);
            redirect.addFlashAttribute("message", "Your answer was sent to the reviewer.");
        } catch (InvalidAgencyInputException | DocumentRejectedException refused) {
            redirect.addFlashAttribute("answerError", refused instanceof InvalidAgencyInputException invalid
                    ? String.join("; ", invalid.problems().values()) : refused.getMessage());
            redirect.addFlashAttribute("answerText", text);
        }
        return "redirect:/agency/requests/" + id;
    }

    @PostMapping("/requests/{id}/withdrawal")
    String withdraw(@AuthenticationPrincipal AgencyPrincipal agent, @PathVariable UUID id,
                    @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            access.withdraw(agent, id, reason);
            redirect.addFlashAttribute("message", "The request is withdrawn.");
        } catch (InvalidAgencyInputException invalid) {
            redirect.addFlashAttribute("withdrawError", invalid.problems().get("reason"));
        }
        return "redirect:/agency/requests/" + id;
    }

    @GetMapping("/requests/{id}/documents/{documentId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal AgencyPrincipal agent, @PathVariable UUID id,
                                    @PathVariable UUID documentId) {
        return AgencyApiProblems.download(access.download(agent, id, documentId));
    }

    @GetMapping("/requests/{id}/audit.csv")
    ResponseEntity<byte[]> auditCsv(@AuthenticationPrincipal AgencyPrincipal agent, @PathVariable UUID id) {
        LegalRequest request = access.own(agent, id);
        byte[] csv = access.exportAuditCsv(agent, id);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(request.reference() + "-audit.csv").build().toString())
                .body(csv);
    }

    @ExceptionHandler({LegalRequestNotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        return new ModelAndView("agency-portal/not-found", HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(LegalRequestStateException.class)
    ModelAndView conflict(LegalRequestStateException e) {
        ModelAndView page = new ModelAndView("agency-portal/conflict", HttpStatus.CONFLICT);
        page.addObject("problem", e.getMessage());
        return page;
    }

    private String form(Model model, AgencyRequestForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", LegalRequest.Type.values());
        return "agency-portal/new-request";
    }

    /** API field names to the form's: scope.numbers[3] -> numbers, scope.from -> scopeFrom. */
    static Map<String, String> formErrors(Map<String, String> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, message) -> {
            String name = field.replaceFirst("\\[\\d+]$", "");
            name = switch (name) {
                case "scope.from" -> "scopeFrom";
                case "scope.to" -> "scopeTo";
                default -> name.startsWith("scope.") ? name.substring(6) : name;
            };
            errors.merge(name, message, (a, b) -> a + "; " + b);
        });
        return errors;
    }
}
