package org.hoptrace.workflow;

import java.util.List;

import org.hoptrace.workflow.model.ModelChecker;
import org.hoptrace.workflow.model.ModelProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks and deploys the models at start-up, before workers start: a model with problems stops
 * the service with every problem listed, as {@code --check-models} prints them.
 */
@Component
class ModelDeploymentOnStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ModelDeploymentOnStartup.class);

    private final ObjectProvider<WorkflowEngine> engine;
    private final JobWorkerRegistry workers;
    private final String location;

    ModelDeploymentOnStartup(ObjectProvider<WorkflowEngine> engine, JobWorkerRegistry workers,
                             @Value("${hoptrace.models.location:classpath:}") String location) {
        this.engine = engine;
        this.workers = workers;
        this.location = location;
    }

    @Override
    public void afterSingletonsInstantiated() {
        WorkflowEngine target = engine.getIfAvailable();
        if (target == null) {
            return;
        }
        List<ModelResource> models = ModelSource.load(location);
        List<ModelProblem> problems = new ModelChecker(workers.types()).check(models);
        if (!problems.isEmpty()) {
            throw new ModelRejectedException(problems.stream().map(ModelProblem::toString).toList());
        }
        DeploymentResult result = target.deploy(models);
        log.info("Models from {}: {} files, {}", location, models.size(), result.changed() ? "new versions deployed" : "unchanged");
    }
}
