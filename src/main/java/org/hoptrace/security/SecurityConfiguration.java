package org.hoptrace.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.security.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two chains. Machines ({@code /api}, {@code /engine-rest}, {@code /actuator}) authenticate with HTTP
 * Basic on every request and get problem+json 401/403. People use the console and Operaton's webapps
 * with one form login; the webapps learn the user from {@link OperatonSingleSignOn}.
 * <p>
 * Operaton's own authorization checks are off, so the roles are enforced here: the engine REST API, the
 * Admin app and identity changes are for administrators, Cockpit for administrators and ITG staff,
 * Tasklist for every user. See docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] ADMINS = {"ADMIN", "OPERATON_ADMIN"};
    private static final String[] OPERATORS = {"ADMIN", "OPERATON_ADMIN", "ITG_STAFF"};
    private static final String[] IDENTITY_RESOURCES = {"/operaton/api/engine/engine/*/user/**",
            "/operaton/api/engine/engine/*/group/**", "/operaton/api/engine/engine/*/tenant/**",
            "/operaton/api/engine/engine/*/authorization/**"};

    /**
     * Patterns match the whole path in the application, whichever servlet serves it (Spring MVC,
     * Operaton's Jersey servlets under /engine-rest and /operaton/api).
     */
    @Bean
    PathPatternRequestMatcher.Builder pathPatterns() {
        return PathPatternRequestMatcher.withDefaults();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
        var problems = new ProblemJsonSecurityResponses(json);
        return http
                .securityMatcher("/api/**", "/engine-rest/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/engine-rest/**").hasAnyRole(ADMINS)
                        .requestMatchers("/api/v1/tracebacks/**", "/api/v1/providers/**").hasAnyRole(OPERATORS)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        .requestMatchers("/login", "/error", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // a response link carries its own signed token; the portal checks it, or the provider login
                        .requestMatchers("/portal/**").permitAll()
                        .requestMatchers("/tracebacks/**", "/providers/**").hasAnyRole(OPERATORS)
                        .requestMatchers("/operaton/app/admin/**", "/operaton/api/admin/plugin/**").hasAnyRole(ADMINS)
                        .requestMatchers(HttpMethod.POST, IDENTITY_RESOURCES).hasAnyRole(ADMINS)
                        .requestMatchers(HttpMethod.PUT, IDENTITY_RESOURCES).hasAnyRole(ADMINS)
                        .requestMatchers(HttpMethod.DELETE, IDENTITY_RESOURCES).hasAnyRole(ADMINS)
                        .requestMatchers("/operaton/app/cockpit/**", "/operaton/api/cockpit/**").hasAnyRole(OPERATORS)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // Operaton's webapps send their own CSRF token (CsrfPreventionFilter)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/operaton/**"))
                .build();
    }
}
