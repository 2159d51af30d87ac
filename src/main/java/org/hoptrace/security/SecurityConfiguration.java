package org.hoptrace.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.calls.CallSourceRepository;
import org.hoptrace.provider.ProviderRepository;
import org.springframework.boot.autoconfigure.security.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two chains. Machines ({@code /api}, {@code /engine-rest}, {@code /actuator}) authenticate with HTTP
 * Basic on every request and get problem+json 401/403. People use the console and Operaton's webapps
 * with one form login; the webapps learn the user from {@link OperatonSingleSignOn}.
 * <p>
 * Operaton's own authorization checks are off, so the roles are enforced here: the engine REST API, the
 * Admin app and identity changes are for administrators, Cockpit for administrators and ITG staff,
 * Tasklist for every user. See docs/security.md.
 * <p>
 * Providers authenticate with their API credentials (API chain only) or as provider users (Operaton
 * group {@code provider}); either way they reach only {@code /api/v1/hops/**}, {@code /api/v1/me} and the
 * portal, where the controllers show a provider its own hops and nothing else. Data sources authenticate
 * with their key (API chain only, role {@code CALL_SOURCE}) and reach {@code /api/v1/calls} and
 * {@code /api/v1/me} only; staff cannot post there, they load files for a named source under
 * {@code /api/v1/sources/{id}/calls} or in the console (docs/calls.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] ADMINS = Roles.ADMINS;
    private static final String[] OPERATORS = Roles.OPERATORS;
    private static final String[] AGENCY_READERS = Roles.AGENCY_READERS;
    /** Who may read legal requests and their audit trail: legal reviewers and supervisors, ITG staff, admins. */
    private static final String[] PROVIDERS_AND_OPERATORS = {Roles.PROVIDER, "ADMIN", "OPERATON_ADMIN", "ITG_STAFF"};
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
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json, ProviderRepository providers,
                                    CallSourceRepository callSources, StaffAuthentication users) throws Exception {
        var problems = new ProblemJsonSecurityResponses(json);
        return http
                .securityMatcher("/api/**", "/engine-rest/**", "/actuator/**")
                .authenticationManager(new ProviderManager(new ProviderApiKeyAuthenticationProvider(providers),
                        new CallSourceKeyAuthenticationProvider(callSources), users.provider()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/engine-rest/**").hasAnyRole(ADMINS)
                        // data sources post their own calls with their key; staff load files for a source explicitly
                        .requestMatchers("/api/v1/calls", "/api/v1/calls/**").hasRole(Roles.CALL_SOURCE)
                        .requestMatchers("/api/v1/sources/**").hasAnyRole(OPERATORS)
                        .requestMatchers("/api/v1/tracebacks/**", "/api/v1/providers/**", "/api/v1/cooperation/**",
                                "/api/v1/campaigns/**",
                                "/api/v1/hops/*/insufficient").hasAnyRole(OPERATORS)
                        // legal requests, their audit trails and the verification of exports
                        .requestMatchers("/api/v1/legal-requests/**").hasAnyRole(Roles.LEGAL_STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/agencies/**").hasAnyRole(AGENCY_READERS)
                        .requestMatchers("/api/v1/agencies/**").hasAnyRole(OPERATORS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/hops/**").hasAnyRole(PROVIDERS_AND_OPERATORS)
                        .requestMatchers("/api/v1/hops/**").hasRole(Roles.PROVIDER)
                        .requestMatchers("/api/v1/me").authenticated()
                        .anyRequest().access(usersButNotProviders()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http, StaffAuthentication users) throws Exception {
        return http
                .authenticationManager(new ProviderManager(users.provider()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        .requestMatchers("/login", "/error", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // a response link carries its own signed token; the portal checks it, or the provider login
                        .requestMatchers("/portal/**").permitAll()
                        .requestMatchers("/tracebacks/**", "/providers/**", "/cooperation/**", "/sources/**", "/campaigns",
                                "/campaigns/**").hasAnyRole(OPERATORS)
                        .requestMatchers("/legal-requests/**").hasAnyRole(Roles.LEGAL_STAFF)
                        .requestMatchers("/agencies/new", "/agencies/*/edit").hasAnyRole(OPERATORS)
                        .requestMatchers(HttpMethod.GET, "/agencies/**").hasAnyRole(AGENCY_READERS)
                        .requestMatchers("/agencies/**").hasAnyRole(OPERATORS)
                        .requestMatchers("/operaton/app/admin/**", "/operaton/api/admin/plugin/**").hasAnyRole(ADMINS)
                        .requestMatchers(HttpMethod.POST, IDENTITY_RESOURCES).hasAnyRole(ADMINS)
                        .requestMatchers(HttpMethod.PUT, IDENTITY_RESOURCES).hasAnyRole(ADMINS)
                        .requestMatchers(HttpMethod.DELETE, IDENTITY_RESOURCES).hasAnyRole(ADMINS)
                        .requestMatchers("/operaton/app/cockpit/**", "/operaton/api/cockpit/**").hasAnyRole(OPERATORS)
                        .anyRequest().access(usersButNotProviders()))
                .formLogin(form -> form.loginPage("/login").successHandler(new PortalLoginSuccess()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // Operaton's webapps send their own CSRF token (CsrfPreventionFilter)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/operaton/**"))
                .build();
    }

    /** Any authenticated user except providers, who stay in the portal and on their hops, and data sources. */
    private static AuthorizationManager<RequestAuthorizationContext> usersButNotProviders() {
        AuthorizationManager<RequestAuthorizationContext> notProvider = (authentication, context) -> new AuthorizationDecision(
                !Roles.isProviderOnly(authentication.get()) && !Roles.isCallSource(authentication.get()));
        return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(), notProvider);
    }
}
