package org.hoptrace.workflow.camunda8;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import org.hoptrace.workflow.JobWorkerRegistry;
import org.hoptrace.workflow.WorkflowEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires a Camunda 8 cluster into Hoptrace ({@code hoptrace.engine=camunda8}). The client is built
 * from {@code camunda.client.*} and checked against the cluster before anything else uses it, so a
 * cluster that cannot be reached or refuses the credentials stops the start-up with a clear message.
 * Operaton is switched off in this mode (see {@link OperatonOffForCamunda8}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hoptrace.engine", havingValue = "camunda8")
@EnableConfigurationProperties({CamundaClientSettings.class, Camunda8Settings.class})
public class Camunda8EngineConfiguration {

    @Bean(destroyMethod = "close")
    CamundaClient camundaClient(CamundaClientSettings settings, Camunda8Settings hoptrace) {
        URI address = settings.effectiveRestAddress();
        CamundaClient client = CamundaClients.build(settings, hoptrace);
        try {
            CamundaClients.checkReachable(client, address, hoptrace.startupTimeout());
        } catch (RuntimeException unusable) {
            client.close();
            throw unusable;
        }
        return client;
    }

    @Bean
    WorkflowEngine camunda8WorkflowEngine(CamundaClient client, ObjectMapper json, CamundaClientSettings settings,
                                          Camunda8Settings hoptrace) {
        return new Camunda8WorkflowEngine(client, variablesJson(json), hoptrace.tasklist(settings), hoptrace.operate(settings),
                new Camunda8Clock(client));
    }

    @Bean
    Camunda8JobWorkers camunda8JobWorkers(CamundaClient client, JobWorkerRegistry registry, ObjectMapper json,
                                          Camunda8Settings hoptrace) {
        return new Camunda8JobWorkers(client, registry, variablesJson(json), hoptrace);
    }

    /**
     * Process variables go to the cluster as given, nulls included: the application's mapper leaves
     * null values out (spring.jackson.default-property-inclusion=non_null), and a variable left out
     * keeps its old value in the process, where the embedded engine would set it to null (e.g. the
     * upstreamProviderId of an origin answer after an upstream answer).
     */
    static ObjectMapper variablesJson(ObjectMapper json) {
        return json.copy().setDefaultPropertyInclusion(
                JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));
    }
}
