package org.hoptrace.workflow.embedded;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.UnaryOperator;

import org.hoptrace.workflow.DeploymentResult;
import org.hoptrace.workflow.DeploymentResult.DeployedProcess;
import org.hoptrace.workflow.ModelResource;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.Deployment;
import org.operaton.bpm.engine.repository.DeploymentBuilder;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys Camunda 8 models to the embedded engine: converts them to Operaton's dialect, then
 * deploys only what changed (a changed file becomes a new version, an unchanged one does not).
 */
final class EmbeddedModelDeployer {

    static final String DEPLOYMENT_NAME = "hoptrace";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedModelDeployer.class);

    private final RepositoryService repository;
    private final UnaryOperator<List<ModelResource>> toOperaton;

    /** @param toOperaton converts Camunda 8 models, throwing ModelRejectedException on problems */
    EmbeddedModelDeployer(RepositoryService repository, UnaryOperator<List<ModelResource>> toOperaton) {
        this.repository = repository;
        this.toOperaton = toOperaton;
    }

    synchronized DeploymentResult deploy(List<ModelResource> models) {
        List<ModelResource> converted = toOperaton.apply(models);
        Deployment previous = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
        DeploymentBuilder builder = repository.createDeployment().name(DEPLOYMENT_NAME).source("hoptrace")
                .enableDuplicateFiltering(true);
        converted.forEach(model -> builder.addInputStream(model.name(), new ByteArrayInputStream(model.content())));
        Deployment deployment = builder.deploy();
        boolean changed = previous == null || !previous.getId().equals(deployment.getId());
        List<String> names = models.stream().map(ModelResource::name).toList();
        List<DeployedProcess> processes = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(definition -> names.contains(definition.getResourceName()))
                .map(EmbeddedModelDeployer::describe).toList();
        log.info("{} models {}: {}", models.size(), changed ? "deployed" : "unchanged", processes);
        return new DeploymentResult(deployment.getId(), changed, processes);
    }

    private static DeployedProcess describe(ProcessDefinition definition) {
        return new DeployedProcess(definition.getKey(), definition.getVersion(), definition.getResourceName());
    }
}
