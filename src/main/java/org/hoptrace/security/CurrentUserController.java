package org.hoptrace.security;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the API sees: lets a client check its credentials and roles. */
@RestController
class CurrentUserController {

    record CurrentUser(String userId, List<String> roles) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The authenticated user and their roles")
    CurrentUser me(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
        return new CurrentUser(authentication.getName(), roles);
    }
}
