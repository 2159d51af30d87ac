package org.hoptrace.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The provider registry for ITG staff (docs/providers.md). Secrets appear only in the answer that created them. */
@RestController
@RequestMapping("/api/v1/providers")
@Tag(name = "Providers", description = "The provider registry, for ITG staff")
class ProviderApi {

    private final ProviderRepository providers;
    private final ProviderService service;
    private final ProviderImport importing;

    ProviderApi(ProviderRepository providers, ProviderService service, ProviderImport importing) {
        this.providers = providers;
        this.service = service;
        this.importing = importing;
    }

    @GetMapping
    @Operation(summary = "List providers", description = "query matches the legal name (contains), filer id, RMD number "
            + "or a contact email; pages count from 0; size 1 to 100")
    ProviderView.Page list(@RequestParam(required = false) String query, @RequestParam(required = false) String role,
                           @RequestParam(required = false) String country, @RequestParam(required = false) Boolean registered,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return ProviderView.Page.of(providers.page(filter(query, role, country, registered, page, size)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a provider")
    ProviderView get(@PathVariable UUID id) {
        return ProviderView.of(providers.get(id));
    }

    @PostMapping
    @Operation(summary = "Register a provider", description = "A webhook without a secret gets a generated one, "
            + "returned once as webhookSecret. A registered filer id answers 409.")
    @ApiResponse(responseCode = "201", description = "Registered; Location names the new provider")
    ResponseEntity<ProviderView> create(@RequestBody ProviderDraft draft) {
        ProviderService.Saved saved = service.create(draft);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(saved.provider().id()).toUri();
        return ResponseEntity.created(location)
                .cacheControl(CacheControl.noStore()).body(ProviderView.of(saved.provider(), saved.generatedWebhookSecret()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a provider", description = "Replaces the editable fields. A missing webhookSecret keeps "
            + "the current one; a missing registered keeps the flag.")
    ResponseEntity<ProviderView> update(@PathVariable UUID id, @RequestBody ProviderDraft draft) {
        ProviderService.Saved saved = service.update(id, draft);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(ProviderView.of(saved.provider(), saved.generatedWebhookSecret()));
    }

    @PostMapping("/{id}/registration")
    @Operation(summary = "Vet a provider an answer named", description = "It becomes a registered provider.")
    ProviderView register(@PathVariable UUID id) {
        return ProviderView.of(service.markRegistered(id));
    }

    @PostMapping("/{id}/api-credentials")
    @Operation(summary = "Issue new API credentials", description = "Returns the key id and the secret, once; "
            + "the previous credentials stop working.")
    ResponseEntity<ApiCredentials> issueApiCredentials(@PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(service.issueApiCredentials(id));
    }

    @PostMapping("/{id}/webhook-secret")
    @Operation(summary = "Rotate the webhook signing secret", description = "Returns the new secret, once.")
    ResponseEntity<ProviderView.WebhookSecret> rotateWebhookSecret(@PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new ProviderView.WebhookSecret(id, service.rotateWebhookSecret(id)));
    }

    @PostMapping(path = "/import", consumes = "text/csv")
    @Operation(operationId = "importProviders", summary = "Import providers from CSV (text/csv body, or a multipart "
            + "file part named 'file')", description = "mode=create (default) rejects rows whose filer id "
            + "is registered; mode=upsert updates those providers. Each row is imported whole or rejected with its line.")
    ResponseEntity<ImportReport> importCsv(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))) InputStream body,
                                           @RequestParam(required = false) String mode) throws IOException {
        return report(importing.importCsv(body.readNBytes(ProviderImport.MAX_BYTES + 1), mode(mode)));
    }

    @PostMapping(path = "/import", consumes = "multipart/form-data")
    @Operation(operationId = "importProviders")
    ResponseEntity<ImportReport> importFile(@RequestPart("file") MultipartFile file,
                                            @RequestParam(required = false) String mode) throws IOException {
        return report(importing.importCsv(file.getBytes(), mode(mode)));
    }

    private static ResponseEntity<ImportReport> report(ImportReport report) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(report);
    }

    private static ProviderImport.Mode mode(String mode) {
        if (mode != null && !mode.isBlank() && !mode.strip().matches("(?i)create|upsert")) {
            throw new InvalidProviderException(Map.of("mode", "choose create or upsert"));
        }
        return ProviderImport.Mode.ofCode(mode);
    }

    static ProviderFilter filter(String query, String role, String country, Boolean registered, int page, int size) {
        Map<String, String> problems = new LinkedHashMap<>();
        Provider.Role roleValue = null;
        if (role != null && !role.isBlank()) {
            try {
                roleValue = Provider.Role.ofCode(role.strip());
            } catch (IllegalArgumentException e) {
                problems.put("role", "choose one of originating, gateway, intermediate, terminating, unknown");
            }
        }
        if (country != null && !country.isBlank() && !country.strip().matches("[A-Za-z]{2}")) {
            problems.put("country", "a two-letter country code");
        }
        if (page < 0) {
            problems.put("page", "pages count from 0");
        }
        if (size < 1 || size > ProviderFilter.MAX_SIZE) {
            problems.put("size", "1 to " + ProviderFilter.MAX_SIZE);
        }
        if (!problems.isEmpty()) {
            throw new InvalidProviderException(problems);
        }
        return new ProviderFilter(query, roleValue, country, registered, page, size);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknown(UnknownProviderException e, HttpServletRequest request) {
        return ProviderProblems.notFound(e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidProviderException e, HttpServletRequest request) {
        return ProviderProblems.invalid(e.problems(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> filerIdTaken(FilerIdTakenException e, HttpServletRequest request) {
        return ProviderProblems.filerIdTaken(e, request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> state(ProviderStateException e, HttpServletRequest request) {
        return ProviderProblems.conflict(e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidFile(ImportFileException e, HttpServletRequest request) {
        return ProviderProblems.invalidFile(e.problems(), request);
    }
}
