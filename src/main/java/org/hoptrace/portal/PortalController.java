package org.hoptrace.portal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.hoptrace.document.Document;
import org.hoptrace.document.DocumentRejectedException;
import org.hoptrace.document.DocumentStore;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.traceback.AnswerRejectedException;
import org.hoptrace.traceback.AnsweringHop;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.HopEvidence;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
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
import org.springframework.web.servlet.ModelAndView;

/**
 * The provider portal: a hop opened with the response link from the request email (no account), or
 * by a logged-in provider user, who also sees the list of its provider's open hops at {@code /portal}.
 * The link's token stays in the form's address, so answering needs no login; the form carries the
 * session's CSRF token like every console form.
 */
@Controller
@RequestMapping("/portal")
class PortalController {

    private final HopAccess access;
    private final AnswerSubmission submission;
    private final PortalPages pages;
    private final ProviderRepository providers;
    private final HopEvidence evidence;
    private final DocumentStore documents;

    PortalController(HopAccess access, AnswerSubmission submission, PortalPages pages, ProviderRepository providers,
                     HopEvidence evidence, DocumentStore documents) {
        this.access = access;
        this.submission = submission;
        this.pages = pages;
        this.providers = providers;
        this.evidence = evidence;
        this.documents = documents;
    }

    @GetMapping
    String openHops(Authentication authentication, Model model, HttpServletResponse response) {
        Optional<UUID> provider = access.providerOf(authentication);
        if (provider.isEmpty()) {
            if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
                return "redirect:/login";
            }
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "portal/not-linked";
        }
        model.addAttribute("providerName", providers.get(provider.get()).legalName());
        model.addAttribute("hops", pages.openHopsOf(provider.get()));
        return "portal/hops";
    }

    @GetMapping("/hops/{hopId}")
    String hop(@PathVariable UUID hopId, @RequestParam(required = false) String token,
               @RequestParam(required = false) String query, Authentication authentication, Model model) {
        Hop hop = access.portalHop(hopId, token, authentication);
        pages.hop(model, hop, token, new AnswerForm(), Map.of(), query);
        return "portal/hop";
    }

    @PostMapping("/hops/{hopId}")
    String answer(@PathVariable UUID hopId, @RequestParam(required = false) String token,
                  @ModelAttribute("form") AnswerForm form,
                  @RequestParam(name = "evidence", required = false) List<MultipartFile> files,
                  Authentication authentication, Model model, HttpServletResponse response) {
        Hop hop = access.portalHop(hopId, token, authentication);
        try {
            AnsweringHop.Result result = submission.submit(hop, form.toRequest(), files == null ? List.of() : files,
                    "portal", access.answeredBy(authentication, hop));
            pages.hop(model, hop, token, form, Map.of(), null);
            model.addAttribute("result", result.name());
            return "portal/answered";
        } catch (AnswerRejectedException rejected) {
            response.setStatus(switch (rejected.reason()) {
                case INVALID -> HttpStatus.BAD_REQUEST.value();
                case CONFLICT, HOP_CLOSED -> HttpStatus.CONFLICT.value();
                case NOT_YOUR_HOP -> HttpStatus.NOT_FOUND.value();
            });
            pages.hop(model, hop, token, form, rejected.fieldProblems(), null);
            model.addAttribute("refusal", rejected.reason().name());
            return "portal/hop";
        } catch (DocumentRejectedException tooLarge) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            pages.hop(model, hop, token, form, Map.of("evidence", tooLarge.getMessage()), null);
            return "portal/hop";
        }
    }

    @GetMapping("/hops/{hopId}/evidence/{documentId}")
    ResponseEntity<byte[]> evidence(@PathVariable UUID hopId, @PathVariable UUID documentId,
                                    @RequestParam(required = false) String token, Authentication authentication) {
        Hop hop = access.downloadableHop(hopId, token, authentication);
        Document document = evidence.document(hop.id(), documentId)
                .orElseThrow(() -> new PortalRefusedException(PortalRefusedException.Why.NOT_FOUND));
        return EvidenceDownload.of(document, documents.content(document.id()));
    }

    @ExceptionHandler(PortalRefusedException.class)
    ModelAndView refused(PortalRefusedException refused) {
        return refused.why() == PortalRefusedException.Why.LINK_NOT_VALID
                ? new ModelAndView("portal/link-not-valid", HttpStatus.FORBIDDEN)
                : new ModelAndView("portal/not-found", HttpStatus.NOT_FOUND);
    }
}
