package org.hoptrace.workflow.embedded;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.workflow.JobWorkerRegistry;
import org.hoptrace.workflow.ModelRejectedException;
import org.hoptrace.workflow.ModelResource;
import org.hoptrace.workflow.UserTaskCompletionListener;
import org.hoptrace.workflow.WorkflowEngine;
import org.hoptrace.workflow.feel.Feel;
import org.hoptrace.workflow.model.DeploymentConverter;
import org.hoptrace.workflow.model.ModelProblem;
import org.operaton.bpm.engine.DecisionService;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the embedded Operaton engine into Hoptrace (the default, {@code hoptrace.engine=embedded}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hoptrace.engine", havingValue = "embedded", matchIfMissing = true)
@EnableConfigurationProperties(WorkerSettings.class)
class EmbeddedEngineConfiguration {

    private final Wakeup jobsAvailable = new Wakeup();
    private final Wakeup subscriptionsOpened = new Wakeup();

    @Bean
    Feel feel() {
        return new Feel(() -> ClockUtil.now().toInstant());
    }

    @Bean(FeelExpressions.BEAN_NAME)
    FeelExpressions hoptraceFeel(Feel feel) {
        return new FeelExpressions(feel);
    }

    @Bean
    HoptraceEnginePlugin hoptraceEnginePlugin(ObjectMapper json, ObjectProvider<UserTaskCompletionListener> completions) {
        // resolved at each completion, not now: the listeners may depend on beans that need the engine
        return new HoptraceEnginePlugin(json, List.of(new WorkAnnouncingParseListener(jobsAvailable, subscriptionsOpened),
                new CompletionCheckingParseListener(() -> completions.orderedStream().toList())));
    }

    @Bean
    ExternalTaskFetcher externalTaskFetcher(ExternalTaskService externalTasks, JobWorkerRegistry workers,
                                            ObjectMapper json, WorkerSettings settings) {
        return new ExternalTaskFetcher(externalTasks, workers, json, jobsAvailable, settings);
    }

    @Bean
    MessageBuffer messageBuffer(JdbcTemplate jdbc, TransactionTemplate transactions, RuntimeService runtime,
                                ObjectMapper json) {
        return new MessageBuffer(jdbc, transactions, runtime, json);
    }

    @Bean
    MessageDelivery messageDelivery(MessageBuffer buffer) {
        return new MessageDelivery(buffer, subscriptionsOpened);
    }

    @Bean
    WorkflowEngine embeddedWorkflowEngine(RepositoryService repository, RuntimeService runtime, TaskService tasks,
                                          DecisionService decisions, ManagementService management, MessageBuffer messages, JdbcTemplate jdbc,
                                          @Value("${hoptrace.base-url}") String baseUrl) {
        var clock = new OperatonEngineClock(management, jdbc, () -> {
            jobsAvailable.signal();
            subscriptionsOpened.signal();
        });
        var deployer = new EmbeddedModelDeployer(repository, EmbeddedEngineConfiguration::toOperaton);
        var queries = new EmbeddedTaskQueries(tasks, runtime, repository, baseUrl);
        return new EmbeddedWorkflowEngine(deployer, runtime, repository, decisions, messages, queries, clock);
    }

    private static List<ModelResource> toOperaton(List<ModelResource> models) {
        DeploymentConverter.Result converted = DeploymentConverter.convert(models);
        if (!converted.succeeded()) {
            throw new ModelRejectedException(converted.problems().stream().map(ModelProblem::toString).toList());
        }
        return converted.resources();
    }
}
