package org.hoptrace.legal;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hoptrace.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The two security chains of agency users, before the staff chains of
 * {@code org.hoptrace.security.SecurityConfiguration}: the portal ({@code /agency/**}, its own login with
 * email, password and TOTP code) and the agency API ({@code /api/v1/agency/**}, personal API tokens as
 * Bearer tokens). The portal keeps its login under its own session attribute, so an agency login is
 * invisible to the console and Tasklist and a console login is invisible to the portal: agency users never
 * reach staff pages, staff never act as an agency. See docs/agency-portal.md.
 */
@Configuration(proxyBeanMethods = false)
class AgencyPortalSecurity {

    static final String SESSION_KEY = "HOPTRACE_AGENCY_SECURITY_CONTEXT";

    @Bean
    @Order(-2)
    SecurityFilterChain agencyApiChain(HttpSecurity http, AgencyApiTokens tokens, ObjectMapper json) throws Exception {
        var unauthorized = new BearerProblem(json);
        return http
                .securityMatcher("/api/v1/agency/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(AgencyPrincipal.ROLE))
                .addFilterBefore(new BearerTokenFilter(tokens, unauthorized), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) ->
                                unauthorized.write(request, response, "Send a personal API token: Authorization: Bearer hta_..."))
                        .accessDeniedHandler((request, response, e) ->
                                unauthorized.write(request, response, "Send a personal API token: Authorization: Bearer hta_...")))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(-1)
    SecurityFilterChain agencyPortalChain(HttpSecurity http, AgencyLogin login) throws Exception {
        var contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(SESSION_KEY);
        return http
                .securityMatcher("/agency/**")
                .securityContext(context -> context.securityContextRepository(contexts))
                .authenticationManager(new ProviderManager(login))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/agency/login", "/agency/invitation").permitAll()
                        .anyRequest().hasAuthority(AgencyPrincipal.ROLE))
                .formLogin(form -> form.loginPage("/agency/login").loginProcessingUrl("/agency/login")
                        .usernameParameter("email").passwordParameter("password")
                        .authenticationDetailsSource(AgencyLogin.Details::of)
                        .defaultSuccessUrl("/agency", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LockedException ? "/agency/login?locked" : "/agency/login?error")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/agency/logout").logoutSuccessUrl("/agency/login?logout"))
                .addFilterBefore(new StillActiveFilter(login), AuthorizationFilter.class)
                .build();
    }

    /** Ends the portal session of a user staff disabled (or whose agency was deactivated) since logging in. */
    static final class StillActiveFilter extends OncePerRequestFilter {

        private final AgencyLogin login;

        StillActiveFilter(AgencyLogin login) {
            this.login = login;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof AgencyPrincipal agent
                    && !login.stillActive(agent)) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/agency/login?ended");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** 401 problem+json with a Bearer challenge. */
    record BearerProblem(ObjectMapper json) {

        void write(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
            ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required", detail);
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Hoptrace agency API\"");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        }
    }

    /** Reads {@code Authorization: Bearer <token>}; a token that is not (or no longer) valid answers 401 at once. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final AgencyApiTokens tokens;
        private final BearerProblem unauthorized;

        BearerTokenFilter(AgencyApiTokens tokens, BearerProblem unauthorized) {
            this.tokens = tokens;
            this.unauthorized = unauthorized;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                chain.doFilter(request, response);
                return;
            }
            Optional<AgencyPrincipal> principal = tokens.authenticate(header.substring(7).strip());
            if (principal.isEmpty()) {
                unauthorized.write(request, response, "The API token is not valid: it is unknown or was revoked, "
                        + "or its user or agency was disabled.");
                return;
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
                    List.of(new SimpleGrantedAuthority(AgencyPrincipal.ROLE))));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
