package org.hoptrace.workflow.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import org.hoptrace.workflow.DeploymentResult;
import org.hoptrace.workflow.Incident;
import org.hoptrace.workflow.MessagePublication;
import org.hoptrace.workflow.ModelResource;
import org.hoptrace.workflow.ModelSource;
import org.hoptrace.workflow.NotFoundException;
import org.hoptrace.workflow.ProcessInstance;
import org.hoptrace.workflow.PublishedMessage;
import org.hoptrace.workflow.UserTask;
import org.hoptrace.workflow.UserTaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine port on Camunda 8: what the adapter sends to the REST API and what it makes of the answers. */
class Camunda8ContractTest {

    private FakeCamunda8 fake;
    private CamundaClient client;
    private Camunda8WorkflowEngine engine;

    @BeforeEach
    void start() {
        fake = new FakeCamunda8();
        client = Camunda8TestSetup.client(fake);
        engine = Camunda8TestSetup.engine(client);
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void deploysEveryProcessDecisionAndFormInOneDeployment() {
        List<ModelResource> models = ModelSource.fromClasspath();
        assertThat(models).anyMatch(ModelResource::isBpmn).anyMatch(ModelResource::isDmn).anyMatch(ModelResource::isForm);

        DeploymentResult result = engine.deploy(models);

        List<FakeCamunda8.Request> deployments = fake.requests("POST", "/v2/deployments");
        assertThat(deployments).hasSize(1);
        assertThat(deployments.get(0).contentType()).startsWith("multipart/form-data");
        Map<String, String> sent = FakeCamunda8.Multipart.files(deployments.get(0).contentType(),
                deployments.get(0).body(), "resources");
        assertThat(sent.keySet()).containsExactlyElementsOf(models.stream().map(ModelResource::name).toList());
        models.forEach(model -> assertThat(sent.get(model.name())).isEqualTo(model.text()));

        long bpmnFiles = models.stream().filter(ModelResource::isBpmn).count();
        assertThat(result.processes()).hasSizeGreaterThanOrEqualTo((int) bpmnFiles)
                .allSatisfy(process -> assertThat(process.version()).isEqualTo(1))
                .anySatisfy(process -> {
                    assertThat(process.processId()).isEqualTo("traceback");
                    assertThat(process.resourceName()).isEqualTo("traceback.bpmn");
                });
        assertThat(result.deploymentKey()).matches("\\d+");
        assertThat(fake.deployed()).anyMatch(d -> d.kind().equals("form"))
                .anyMatch(d -> d.kind().equals("decision"));
    }

    @Test
    void anUnchangedModelKeepsItsVersionAndAChangedOneGetsTheNext() {
        ModelResource v1 = TestProcess.bpmn("contract-process", "first");
        engine.deploy(List.of(v1));
        assertThat(engine.deploy(List.of(v1)).processes()).singleElement()
                .satisfies(process -> assertThat(process.version()).isEqualTo(1));
        assertThat(engine.deploy(List.of(TestProcess.bpmn("contract-process", "second"))).processes()).singleElement()
                .satisfies(process -> assertThat(process.version()).isEqualTo(2));
    }

    @Test
    void startsTheLatestVersionWithItsVariables() {
        engine.deploy(List.of(TestProcess.bpmn("contract-process", "first")));

        ProcessInstance instance = engine.startProcess("contract-process", Map.of("tracebackId", "TB-1", "hops", 3,
                "urgent", true, "providers", List.of("a", "b")));

        JsonNode body = fake.requests("POST", "/v2/process-instances").get(0).json();
        assertThat(body.get("processDefinitionId").asText()).isEqualTo("contract-process");
        assertThat(body.get("variables").get("tracebackId").asText()).isEqualTo("TB-1");
        assertThat(body.get("variables").get("hops").asInt()).isEqualTo(3);
        assertThat(body.get("variables").get("urgent").asBoolean()).isTrue();
        assertThat(body.get("variables").get("providers")).hasSize(2);
        assertThat(body.has("processDefinitionVersion") && body.get("processDefinitionVersion").asInt() != -1).isFalse();
        assertThat(instance.processId()).isEqualTo("contract-process");
        assertThat(instance.version()).isEqualTo(1);
        assertThat(fake.instance(Long.parseLong(instance.processInstanceKey()))).isNotNull();
    }

    @Test
    void startingAProcessThatIsNotDeployedIsNotFound() {
        assertThatThrownBy(() -> engine.startProcess("nowhere", Map.of()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nowhere");
    }

    @Test
    void publishesAMessageWithCorrelationKeyTimeToLiveAndMessageId() {
        PublishedMessage published = engine.publishMessage(new MessagePublication("hop-answered", "TB-7-2",
                Map.of("answer", "upstream"), Duration.ofMinutes(5), "answer-42"));

        JsonNode body = fake.requests("POST", "/v2/messages/publication").get(0).json();
        assertThat(body.get("name").asText()).isEqualTo("hop-answered");
        assertThat(body.get("correlationKey").asText()).isEqualTo("TB-7-2");
        assertThat(body.get("timeToLive").asLong()).isEqualTo(300_000L);
        assertThat(body.get("messageId").asText()).isEqualTo("answer-42");
        assertThat(body.get("variables").get("answer").asText()).isEqualTo("upstream");
        assertThat(published.status()).isEqualTo(PublishedMessage.Status.BUFFERED);
        assertThat(published.messageKey()).isEqualTo(Long.toString(fake.messages().get(0).key()));
    }

    @Test
    void aSecondMessageWithTheSameIdIsADuplicate() {
        MessagePublication message = new MessagePublication("hop-answered", "TB-7-2", Map.of(), Duration.ofMinutes(5),
                "answer-42");
        engine.publishMessage(message);

        assertThat(engine.publishMessage(message).status()).isEqualTo(PublishedMessage.Status.DUPLICATE);
        assertThat(fake.messages()).hasSize(1);
    }

    @Test
    void aMessageWithoutIdOrTimeToLiveIsSentWithoutThem() {
        engine.publishMessage(MessagePublication.of("ping", "k", Map.of()));

        JsonNode body = fake.requests("POST", "/v2/messages/publication").get(0).json();
        assertThat(body.get("timeToLive").asLong()).isZero();
        assertThat(body.hasNonNull("messageId")).isFalse();
    }

    @Test
    void cancelsARunningInstanceAndReportsAnUnknownOneAsNotFound() {
        engine.deploy(List.of(TestProcess.bpmn("contract-process", "first")));
        String key = engine.startProcess("contract-process", Map.of()).processInstanceKey();

        engine.cancelProcessInstance(key);

        assertThat(fake.requests("POST", "/v2/process-instances/" + key + "/cancellation")).hasSize(1);
        assertThatThrownBy(() -> engine.cancelProcessInstance(key)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> engine.cancelProcessInstance("not-a-key")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listsOpenUserTasksNewestFirstWithTasklistLinks() {
        fake.addUserTask(userTask("11", "CREATED", "2026-03-01T10:00:00.000Z", "700", List.of("legal-reviewer")));
        fake.addUserTask(userTask("12", "CREATED", "2026-03-02T10:00:00.000Z", "700", List.of("legal-reviewer")));
        fake.addUserTask(userTask("13", "COMPLETED", "2026-03-03T10:00:00.000Z", "700", List.of("legal-reviewer")));
        fake.addUserTask(userTask("14", "CREATED", "2026-03-04T10:00:00.000Z", "701", List.of("itg-staff")));

        List<UserTask> tasks = engine.openUserTasks(new UserTaskQuery("700", "legal-reviewer", null, 10));

        JsonNode body = fake.requests("POST", "/v2/user-tasks/search").get(0).json();
        assertThat(FakeCamunda8.filterValue(body.get("filter"), "state")).isEqualTo("CREATED");
        assertThat(FakeCamunda8.filterValue(body.get("filter"), "processInstanceKey")).isEqualTo("700");
        assertThat(FakeCamunda8.filterValue(body.get("filter"), "candidateGroup")).isEqualTo("legal-reviewer");
        assertThat(body.get("sort").get(0).get("field").asText()).isEqualTo("creationDate");
        assertThat(body.get("sort").get(0).get("order").asText()).isEqualToIgnoringCase("desc");
        assertThat(body.get("page").get("limit").asInt()).isEqualTo(10);
        assertThat(tasks).extracting(UserTask::taskKey).containsExactly("12", "11");
        UserTask newest = tasks.get(0);
        assertThat(newest.tasklistUrl()).isEqualTo("https://tasklist.example/tasklist/12");
        assertThat(newest.processInstanceKey()).isEqualTo("700");
        assertThat(newest.processId()).isEqualTo("legal-review");
        assertThat(newest.candidateGroups()).containsExactly("legal-reviewer");
        assertThat(newest.created()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(newest.formId()).isEqualTo("99");
        assertThat(engine.openUserTasks(UserTaskQuery.forProcessInstance("not-a-key"))).isEmpty();
    }

    @Test
    void listsOpenIncidentsWithOperateLinks() {
        engine.deploy(List.of(TestProcess.bpmn("contract-process", "first")));
        long instance = Long.parseLong(engine.startProcess("contract-process", Map.of()).processInstanceKey());
        FakeCamunda8.Job job = fake.createJob(instance, "doomed", Map.of(), 1);
        // the fake's engine part: the job is activated and fails for good
        client.newActivateJobsCommand().jobType("doomed").maxJobsToActivate(1).send().join();
        client.newFailCommand(job.key).retries(0).errorMessage("boom").send().join();

        List<Incident> incidents = engine.openIncidents();

        JsonNode body = fake.requests("POST", "/v2/incidents/search").get(0).json();
        assertThat(FakeCamunda8.filterValue(body.get("filter"), "state")).isEqualTo("ACTIVE");
        assertThat(body.get("sort").get(0).get("field").asText()).isEqualTo("creationTime");
        assertThat(incidents).singleElement().satisfies(incident -> {
            assertThat(incident.processInstanceKey()).isEqualTo(Long.toString(instance));
            assertThat(incident.processId()).isEqualTo("contract-process");
            assertThat(incident.type()).isEqualTo("JOB_NO_RETRIES");
            assertThat(incident.message()).isEqualTo("boom");
            assertThat(incident.operateUrl()).isEqualTo("https://operate.example/operate/processes/" + instance);
        });
    }

    @Test
    void evaluatesADecisionOneMapPerMatchedRule() {
        engine.deploy(List.of(ModelSource.fromClasspath().stream().filter(ModelResource::isDmn).findFirst().orElseThrow()));
        String decisionId = fake.deployed().stream().filter(d -> d.kind().equals("decision")).findFirst().orElseThrow().id();
        fake.decisionRules(decisionId, List.of(Map.of("deadline", "P14D", "escalate", true), Map.of("deadline", "P7D",
                "escalate", false)));

        List<Map<String, Object>> rows = engine.evaluateDecision(decisionId, Map.of("hops", 3));

        JsonNode body = fake.requests("POST", "/v2/decision-definitions/evaluation").get(0).json();
        assertThat(body.get("decisionDefinitionId").asText()).isEqualTo(decisionId);
        assertThat(body.get("variables").get("hops").asInt()).isEqualTo(3);
        assertThat(rows).containsExactly(Map.of("deadline", "P14D", "escalate", true),
                Map.of("deadline", "P7D", "escalate", false));
        assertThatThrownBy(() -> engine.evaluateDecision("no-such-decision", Map.of()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-decision");
    }

    @Test
    void theClockIsRealTimeAndMovesOnlyOnAClusterWithAControllableClock() {
        Instant before = Instant.now();
        assertThat(engine.clock().now()).isBetween(before, Instant.now());

        engine.clock().advance(Duration.ofHours(2));
        assertThat(engine.clock().now()).isAfter(before.plus(Duration.ofMinutes(119)));
        JsonNode pin = fake.requests("PUT", "/v2/clock").get(0).json();
        assertThat(Instant.ofEpochMilli(pin.get("timestamp").asLong())).isEqualTo(engine.clock().now());
        assertThat(fake.now()).isEqualTo(engine.clock().now());

        engine.clock().reset();
        assertThat(fake.requests("POST", "/v2/clock/reset")).hasSize(1);
        assertThat(engine.clock().now()).isBefore(Instant.now().plusSeconds(1));

        fake.clockControllable(false);
        assertThatThrownBy(() -> engine.clock().advance(Duration.ofMinutes(1)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("zeebe.clock.controlled");
    }

    private static Map<String, Object> userTask(String key, String state, String created, String instance,
                                                List<String> groups) {
        Map<String, Object> task = new java.util.LinkedHashMap<>(Map.of("userTaskKey", key, "name", "Review subpoena",
                "state", state, "elementId", "review", "candidateGroups", groups, "processDefinitionId", "legal-review",
                "creationDate", created, "processInstanceKey", instance, "processDefinitionKey", "5"));
        task.put("elementInstanceKey", "6");
        task.put("formKey", "99");
        return task;
    }
}
