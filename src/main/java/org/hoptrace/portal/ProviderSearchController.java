package org.hoptrace.portal;

import java.util.List;
import java.util.UUID;

import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /portal/providers?query=}: the registry search behind the portal's "upstream already
 * registered" field, for whoever holds a valid response link, provider users and staff.
 */
@RestController
class ProviderSearchController {

    private static final int RESULTS = 20;

    private final HopAccess access;
    private final ProviderRepository providers;

    ProviderSearchController(HopAccess access, ProviderRepository providers) {
        this.access = access;
        this.providers = providers;
    }

    record ProviderHit(UUID id, String name, String country, boolean registered) {
    }

    @GetMapping(path = "/portal/providers", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> search(@RequestParam(defaultValue = "") String query, @RequestParam(required = false) String token,
                             Authentication authentication) {
        if (!access.maySearchProviders(token, authentication)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Access denied",
                            "Open the portal with your response link or log in as a provider user."));
        }
        if (query.isBlank()) {
            return ResponseEntity.ok(List.of());
        }
        List<ProviderHit> hits = providers.search(query.strip(), RESULTS).stream()
                .map(p -> new ProviderHit(p.id(), p.legalName(), p.country(), p.registered())).toList();
        return ResponseEntity.ok(hits);
    }
}
