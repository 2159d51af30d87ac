package org.hoptrace.legal;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.hoptrace.document.DocumentStore;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The staff console's legal request pages: the list with SLA countdowns, a request's page, its documents. */
@Controller
@RequestMapping("/legal-requests")
@PreAuthorize("hasAnyRole('LEGAL_REVIEWER', 'LEGAL_SUPERVISOR', 'ITG_STAFF', 'ADMIN', 'OPERATON_ADMIN')")
class LegalConsoleController {

    private final LegalConsoleQueries queries;
    private final DocumentStore documents;
    private final Clock clock;

    LegalConsoleController(LegalConsoleQueries queries, DocumentStore documents, Clock clock) {
        this.queries = queries;
        this.documents = documents;
        this.clock = clock;
    }

    record Row(ReviewCase request, boolean escalated) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String triage,
                @RequestParam(required = false) String q, Model model) {
        model.addAttribute("active", "legal-requests");
        model.addAttribute("fmt", ConsoleFormat.at(clock.instant()));
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("triage", triage == null ? "" : triage);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("statuses", List.of("open", "closed"));
        model.addAttribute("triages", List.of("expedited", "standard", "deficient"));
        try {
            model.addAttribute("rows", queries.list(blankToNull(status), blankToNull(triage), blankToNull(q), 200).stream()
                    .map(c -> new Row(c, queries.escalated(c))).toList());
        } catch (IllegalArgumentException e) {
            model.addAttribute("filterError", e.getMessage());
            model.addAttribute("rows", List.of());
        }
        return "legal-requests/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Principal user, Model model) {
        try {
            model.addAttribute("d", queries.view(id, user.getName()));
        } catch (UnknownReviewCaseException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        model.addAttribute("active", "legal-requests");
        model.addAttribute("fmt", ConsoleFormat.at(clock.instant()));
        return "legal-requests/detail";
    }

    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId, Principal user) {
        ReviewCases.DocumentRow document = queries.download(id, documentId, user.getName());
        if (document == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such document of this legal request");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(document.filename())
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(documents.content(documentId));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
