package org.hoptrace.workflow.model;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.hoptrace.workflow.embedded.FeelExpressions;
import org.hoptrace.workflow.feel.Feel;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.operaton.bpm.engine.repository.DeploymentBuilder;

/**
 * A real Operaton engine on a throw-away PostgreSQL, one per test class, with the
 * {@code hoptraceFeel} bean registered so converted models evaluate FEEL as at runtime.
 */
final class OperatonEngine implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;
    private ProcessEngine engine;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("test-" + UUID.randomUUID());
        configuration.setDataSource(postgres.getPostgresDatabase());
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistoryTimeToLive("P30D");
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(Map.of(FeelExpressions.BEAN_NAME, new FeelExpressions(new Feel(Instant::now))));
        engine = configuration.buildProcessEngine();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (engine != null) {
            engine.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    ProcessEngine engine() {
        return engine;
    }

    /** Deploys the given resources (name, content) in one deployment. */
    void deploy(Map<String, String> resources) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("test");
        resources.forEach(deployment::addString);
        deployment.deploy();
    }
}
