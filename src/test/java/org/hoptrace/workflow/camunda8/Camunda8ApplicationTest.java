package org.hoptrace.workflow.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.hoptrace.HoptraceApplication;
import org.hoptrace.workflow.JobWorkerRegistry;
import org.hoptrace.workflow.ModelResource;
import org.hoptrace.workflow.ModelSource;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole service with {@code hoptrace.engine=camunda8} against the fake cluster: it starts without
 * Operaton (no engine, no engine tables, no webapps), deploys every model once, and opens a worker
 * for every registered job type. A context of its own, closed at the end (it shares nothing with
 * the embedded-engine test context).
 */
class Camunda8ApplicationTest {

    @Test
    void theServiceRunsOnCamunda8WithoutOperaton() {
        try (FakeCamunda8 fake = new FakeCamunda8();
             ConfigurableApplicationContext context = new SpringApplicationBuilder(HoptraceApplication.class)
                     .web(WebApplicationType.SERVLET)
                     .profiles("test")
                     .run("--hoptrace.engine=camunda8", "--server.port=0", "--hoptrace.outbox.enabled=false",
                             "--camunda.client.rest-address=" + fake.address(),
                             "--hoptrace.camunda8.poll-interval=PT0.05S")) {

            assertThat(context.getBean(WorkflowEngine.class)).isInstanceOf(Camunda8WorkflowEngine.class);
            assertThat(Arrays.stream(context.getBeanDefinitionNames()).filter(name -> {
                Class<?> type = context.getType(name);
                return type != null && type.getName().startsWith("org.operaton.");
            })).isEmpty();
            Integer engineTables = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                    "select count(*) from information_schema.tables where table_name ilike 'act_%'", Integer.class);
            assertThat(engineTables).isZero();

            assertThat(fake.requests("POST", "/v2/deployments")).hasSize(1);
            Set<String> deployed = fake.deployed().stream().map(FakeCamunda8.Deployed::resourceName)
                    .collect(Collectors.toSet());
            assertThat(deployed).containsAll(ModelSource.fromClasspath().stream().map(ModelResource::name).toList());

            Set<String> types = context.getBean(JobWorkerRegistry.class).types();
            assertThat(types).isNotEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> fake.requests("POST", "/v2/jobs/activation").stream()
                    .map(request -> request.json().get("type").asText()).collect(Collectors.toSet()).containsAll(types));
        }
    }
}
