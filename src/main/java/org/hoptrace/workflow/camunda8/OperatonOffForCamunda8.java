package org.hoptrace.workflow.camunda8;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With {@code hoptrace.engine=camunda8}, Operaton is not started: its engine (which would create its
 * tables in Hoptrace's database), its REST API and its webapps (Tasklist, Cockpit) are excluded from
 * auto-configuration. Exclusions the user configured are kept.
 */
public class OperatonOffForCamunda8 implements EnvironmentPostProcessor, Ordered {

    static final Set<String> OPERATON_AUTO_CONFIGURATIONS = Set.of(
            "org.operaton.bpm.spring.boot.starter.OperatonBpmAutoConfiguration",
            "org.operaton.bpm.spring.boot.starter.rest.OperatonBpmRestJerseyAutoConfiguration",
            "org.operaton.bpm.spring.boot.starter.webapp.OperatonBpmWebappAutoConfiguration");
    private static final String EXCLUDE = "spring.autoconfigure.exclude";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"camunda8".equals(environment.getProperty("hoptrace.engine"))) {
            return;
        }
        Set<String> excluded = new LinkedHashSet<>(StringUtils.commaDelimitedListToSet(
                environment.getProperty(EXCLUDE, "")));
        excluded.remove("");
        excluded.addAll(OPERATON_AUTO_CONFIGURATIONS);
        environment.getPropertySources().addFirst(new MapPropertySource("hoptrace-camunda8-operaton-off",
                Map.of(EXCLUDE, String.join(",", excluded))));
    }

    /** After the configuration files are read, so {@code hoptrace.engine} from application.yaml counts. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
