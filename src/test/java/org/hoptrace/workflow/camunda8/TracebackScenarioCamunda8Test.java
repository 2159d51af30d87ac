package org.hoptrace.workflow.camunda8;

import static org.assertj.core.api.Assertions.assertThat;

import org.hoptrace.HoptraceApplication;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.traceback.TracebackRepository;
import org.hoptrace.traceback.TracebackScenario;
import org.hoptrace.traceback.TracebackService;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link TracebackScenario} with {@code hoptrace.engine=camunda8}: the whole service (its own
 * context and embedded PostgreSQL, the production workers polling over the REST API) against
 * {@link FakeCamunda8}, whose engine part the {@link TracebackScript} plays. Its twin on the
 * embedded engine is {@code org.hoptrace.traceback.TracebackScenarioEmbeddedTest}.
 */
class TracebackScenarioCamunda8Test extends TracebackScenario {

    private static FakeCamunda8 fake;
    private static ConfigurableApplicationContext context;
    private TracebackScript script;

    @BeforeAll
    static void startServiceOnCamunda8() {
        fake = new FakeCamunda8();
        context = new SpringApplicationBuilder(HoptraceApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                .run("--hoptrace.engine=camunda8", "--server.port=0", "--hoptrace.outbox.enabled=false",
                        "--camunda.client.rest-address=" + fake.address(),
                        "--hoptrace.camunda8.poll-interval=PT0.05S");
        assertThat(context.getBean(WorkflowEngine.class)).isInstanceOf(Camunda8WorkflowEngine.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @BeforeEach
    void newScript() {
        script = new TracebackScript(fake, tracebacks());
    }

    @Override
    protected TracebackService service() {
        return context.getBean(TracebackService.class);
    }

    @Override
    protected TracebackFixtures fixtures() {
        return context.getBean(TracebackFixtures.class);
    }

    @Override
    protected TracebackRepository tracebacks() {
        return context.getBean(TracebackRepository.class);
    }

    @Override
    protected ProviderRepository providers() {
        return context.getBean(ProviderRepository.class);
    }

    @Override
    protected JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    @Override
    protected WorkflowEngine engine() {
        return context.getBean(WorkflowEngine.class);
    }

    @Override
    protected int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    protected EnginePart enginePart() {
        return script;
    }
}
