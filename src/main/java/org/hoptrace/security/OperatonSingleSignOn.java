package org.hoptrace.security;

import org.operaton.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.operaton.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.operaton.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the user Spring Security authenticated to Operaton. Both filters run after the Spring Security
 * chain and read {@code request.getUserPrincipal()} (which Spring Security provides), so a user logged in
 * to the console is logged in to Tasklist/Cockpit (same HTTP session), and a REST call authenticated with
 * HTTP Basic runs in the engine as that user with that user's groups.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hoptrace.engine", havingValue = "embedded", matchIfMissing = true)
class OperatonSingleSignOn {

    private static final String PROVIDER_PARAM = "authentication-provider";
    private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> operatonWebappAuthentication(
            @Value("${operaton.bpm.webapp.application-path:/operaton}") String webappPath) {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("hoptrace-operaton-webapp-sso");
        registration.addInitParameter(PROVIDER_PARAM, ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns(webappPath + "/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> operatonRestAuthentication(
            @Value("${operaton.bpm.jersey.application-path:/engine-rest}") String restPath) {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("hoptrace-operaton-rest-sso");
        registration.addInitParameter(PROVIDER_PARAM, ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns(restPath + "/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }
}
