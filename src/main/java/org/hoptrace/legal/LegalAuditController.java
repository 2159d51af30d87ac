package org.hoptrace.legal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hoptrace.web.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The audit trail of a legal request for staff (docs/legal-intake.md): legal reviewers and supervisors,
 * ITG staff and administrators (SecurityConfiguration). Each export is recorded in the trail it exports.
 */
@RestController
@Tag(name = "Legal request audit", description = "The hash-chained audit trail of a legal request: export as JSON or "
        + "CSV for the agency's chain of custody, verification of the stored trail and of an exported file. "
        + "Legal reviewers and supervisors, ITG staff, administrators.")
@ApiResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "The user's role may not read legal requests", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class LegalAuditController {

    private final AuditExport export;

    LegalAuditController(AuditExport export) {
        this.export = export;
    }

    @GetMapping(value = "/api/v1/legal-requests/{id}/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The audit trail as JSON", description = "Every entry with its previous hash and hash, oldest "
            + "first, the hash algorithm and the verification at the time of export. The export is recorded first "
            + "(action audit-exported), so it is the last entry.")
    @ApiResponse(responseCode = "200", description = "The trail")
    @ApiResponse(responseCode = "404", description = "No such legal request", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AuditExport.Export json(@PathVariable UUID id, Authentication user) {
        known(id);
        return export.json(id, user.getName(), AuditEntry.ActorKind.STAFF);
    }

    @GetMapping(value = "/api/v1/legal-requests/{id}/audit.csv", produces = "text/csv")
    @Operation(summary = "The audit trail as CSV", description = "RFC 4180, UTF-8, one entry per row with the columns "
            + AuditExport.CSV_HEADER + ". The export is recorded first, so it is the last row.")
    @ApiResponse(responseCode = "200", description = "The trail, as a file named after the request's reference")
    @ApiResponse(responseCode = "404", description = "No such legal request", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<byte[]> csv(@PathVariable UUID id, Authentication user) {
        String reference = known(id);
        byte[] csv = export.csv(id, user.getName(), AuditEntry.ActorKind.STAFF);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(reference + "-audit.csv").build().toString())
                .body(csv);
    }

    @GetMapping("/api/v1/legal-requests/{id}/audit/verification")
    @Operation(summary = "Verify the stored audit trail", description = "Recomputes every hash; names the first entry "
            + "that does not match. Not recorded in the trail.")
    @ApiResponse(responseCode = "200", description = "intact, or the first broken entry and why")
    @ApiResponse(responseCode = "404", description = "No such legal request", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AuditVerification verification(@PathVariable UUID id) {
        known(id);
        return export.verify(id);
    }

    @PostMapping(value = "/api/v1/legal-requests/audit/verification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Verify an exported audit trail file", description = "The JSON or CSV export as part `file`: "
            + "every hash recomputed from the file alone. Compare its last hash with the stored trail's.")
    @ApiResponse(responseCode = "200", description = "intact, or the first broken entry and why")
    @ApiResponse(responseCode = "400", description = "The file is not an audit trail export", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AuditVerification verifyFile(@RequestParam("file") MultipartFile file) throws IOException {
        return AuditExport.verify(file.getOriginalFilename() == null ? "the file" : file.getOriginalFilename(), file.getBytes());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> notAnExport(IllegalArgumentException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-audit-export", "Not an audit trail export", e.getMessage()));
    }

    private String known(UUID id) {
        String reference = export.reference(id);
        if (reference == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no legal request " + id);
        }
        return reference;
    }
}
