package org.hoptrace.workflow.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import com.fasterxml.jackson.databind.JsonNode;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.Traceback;
import org.hoptrace.traceback.TracebackRepository;
import org.hoptrace.traceback.TracebackScenario;
import org.hoptrace.workflow.ModelResource;
import org.hoptrace.workflow.ModelSource;
import org.hoptrace.workflow.model.DeploymentConverter;
import org.w3c.dom.Document;
import org.operaton.bpm.dmn.engine.DmnDecision;
import org.operaton.bpm.dmn.engine.DmnEngine;
import org.operaton.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * The engine's part of bpmn/traceback.bpmn, played by {@link FakeCamunda8} for
 * {@link TracebackScenario}: not a BPMN interpreter, but the model's path written out element by
 * element (the method names are the model's). It keeps the instance's variables as Zeebe would (the
 * model has no output mappings, so job results and message variables land in the process scope;
 * jobs see every variable, plus their input mappings), creates each job the path reaches, waits for
 * the production worker to complete it, and checks each request the app sent: the instance creation,
 * every job completion (exactly once, with the variables the later elements read) and every message
 * publication.
 *
 * <p>The two business rule tasks evaluate the real tables in dmn/ (after the same conversion the
 * embedded engine deploys) with Operaton's standalone DMN engine, standing in for Zeebe's.
 * The timers (reminder, deadline) are checked for their dates but never reached: the scenario's
 * answers come in time. Each step first checks that the deployed model still has the element as the
 * script plays it (job type, retries, input mapping, decision, result variable, conditions), so the
 * script cannot drift from the model unnoticed.
 */
final class TracebackScript implements TracebackScenario.EnginePart {

    /** {@code zeebe:taskDefinition retries="5"} on every service task of the model. */
    private static final int RETRIES = 5;

    private final FakeCamunda8 fake;
    private final TracebackRepository tracebacks;
    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Map<String, DmnDecision> decisions = new HashMap<>();
    /** The instance's variables (process scope). */
    private final Map<String, Object> variables = new HashMap<>();
    private long instanceKey;
    private Document model;
    private int messagesSeen;

    TracebackScript(FakeCamunda8 fake, TracebackRepository tracebacks) {
        this.fake = fake;
        this.tracebacks = tracebacks;
        List<ModelResource> dmnFiles = ModelSource.fromClasspath().stream().filter(ModelResource::isDmn).toList();
        DeploymentConverter.Result converted = DeploymentConverter.convert(dmnFiles);
        assertThat(converted.problems()).isEmpty();
        for (ModelResource table : converted.resources()) {
            for (DmnDecision decision : dmn.parseDecisions(new ByteArrayInputStream(table.content()))) {
                decisions.put(decision.getKey(), decision);
            }
        }
    }

    // --- StartEvent_TracebackOpened -------------------------------------------------------------------

    @Override
    public void processStarted(Traceback traceback) {
        List<FakeCamunda8.Request> creations = fake.requests("POST", "/v2/process-instances");
        assertThat(creations).hasSize(1);
        JsonNode create = creations.get(0).json();
        assertThat(create.path("processDefinitionId").asText()).isEqualTo("traceback");
        assertThat(create.path("variables").path("tracebackId").asText()).isEqualTo(traceback.id().toString());
        assertThat(create.path("variables").path("maxHops").asInt()).isEqualTo(15);
        assertThat(create.path("variables").has("reopenHopId")).isFalse();

        instanceKey = Long.parseLong(traceback.processInstanceKey());
        FakeCamunda8.Instance instance = fake.instance(instanceKey);
        assertThat(instance.processId()).isEqualTo("traceback");
        model = deployedModel(instance);
        assertThat(model("//*[local-name()='startEvent']/@id")).isEqualTo("StartEvent_TracebackOpened");
        variables.putAll(instance.variables());
        askProvider();
    }

    // --- Gateway_AskProvider -> Task_OpenHop -> Task_DecideDeadline -> Task_SendHopRequest -> Task_WaitForResponse

    private void askProvider() {
        Object previousHop = variables.get("hopId");
        Map<String, Object> opened = serviceTask("Task_OpenHop", "traceback-open-hop", Map.of());
        assertThat(opened).containsOnlyKeys("hopId", "hopNumber", "providerId", "requestedAt", "withinBusinessHours",
                "nextBusinessOpening");
        Hop hop = tracebacks.getHop(UUID.fromString((String) opened.get("hopId")));
        assertThat(hop.id().toString()).isNotEqualTo(previousHop);
        assertThat(hop.tracebackId().toString()).isEqualTo(variables.get("tracebackId"));
        assertThat(opened.get("hopNumber")).isEqualTo(hop.number());
        assertThat(opened.get("providerId")).isEqualTo(hop.providerId().toString());
        assertThat(Instant.parse((String) opened.get("requestedAt"))).isEqualTo(hop.requestedAt());
        assertThat(Instant.parse((String) opened.get("nextBusinessOpening"))).isAfter(hop.requestedAt());
        variables.putAll(opened);

        Map<String, Object> deadlineRule = businessRuleTask("Task_DecideDeadline", "hop-response-deadline", "deadlineRule");
        // the scenario runs on a Tuesday morning
        assertThat(variables.get("withinBusinessHours")).isEqualTo(true);
        assertThat(deadlineRule).containsEntry("countFrom", "request").containsEntry("responseTime", "PT24H")
                .containsEntry("reminderBefore", "PT4H");

        Map<String, Object> sent = serviceTask("Task_SendHopRequest", "traceback-send-hop-request", Map.of());
        assertThat(sent).containsOnlyKeys("deadline", "reminderAt");
        Instant deadline = Instant.parse((String) sent.get("deadline"));
        Instant reminderAt = Instant.parse((String) sent.get("reminderAt"));
        assertThat(deadline).isEqualTo(hop.requestedAt().plus(Duration.ofHours(24)));
        assertThat(reminderAt).isEqualTo(deadline.minus(Duration.ofHours(4)));
        variables.putAll(sent);
        waitForResponse();
    }

    /**
     * Task_WaitForResponse: subscribes to {@code hop-response} with correlation key {@code =hopId};
     * its boundary timers fire at {@code =reminderAt} (non-interrupting) and {@code =deadline}.
     */
    private void waitForResponse() {
        assertThat(model("//*[@id='Task_WaitForResponse']/@messageRef")).isEqualTo("Message_HopResponse");
        assertThat(model("//*[@id='Message_HopResponse']/@name")).isEqualTo("hop-response");
        assertThat(model("//*[@id='Message_HopResponse']//*[local-name()='subscription']/@correlationKey"))
                .isEqualTo("=hopId");
        assertThat(model("//*[@id='TimerEventDefinition_Reminder']")).isEqualTo("=reminderAt");
        assertThat(model("//*[@id='TimerEventDefinition_Deadline']")).isEqualTo("=deadline");
        assertThat(variables.get("hopId")).isInstanceOf(String.class);
        Instant.parse((String) variables.get("reminderAt"));
        Instant.parse((String) variables.get("deadline"));
    }

    // --- the message arrives: Task_RouteResponse -> Gateway_NextHop --------------------------------------

    @Override
    public void hopAnswered(Hop hop, Map<String, Object> messageVariables) {
        assertThat(variables.get("hopId")).as("the hop the process waits for").isEqualTo(hop.id().toString());
        messagesSeen++;
        await().atMost(Duration.ofSeconds(10)).until(() -> fake.messages().size() >= messagesSeen);
        FakeCamunda8.Message message = fake.messages().get(messagesSeen - 1);
        assertThat(message.name()).isEqualTo("hop-response");
        assertThat(message.correlationKey()).isEqualTo(hop.id().toString());
        assertThat(message.messageId()).isEqualTo(hop.id() + ":1");
        assertThat(message.timeToLive()).isEqualTo(Duration.ofDays(30).toMillis());
        assertThat(message.variables()).isEqualTo(messageVariables);
        JsonNode publication = fake.requests("POST", "/v2/messages/publication").get(messagesSeen - 1).json();
        assertThat(publication.path("name").asText()).isEqualTo("hop-response");
        assertThat(publication.path("correlationKey").asText()).isEqualTo(hop.id().toString());
        assertThat(publication.path("timeToLive").asLong()).isEqualTo(Duration.ofDays(30).toMillis());
        assertThat(publication.path("messageId").asText()).isEqualTo(hop.id() + ":1");
        assertThat(publication.path("variables").size()).isEqualTo(4);
        variables.putAll(message.variables());

        Map<String, Object> routing = businessRuleTask("Task_RouteResponse", "hop-response-routing", "routing");
        assertThat(model("//*[@id='Flow_AskUpstream']/*[local-name()='conditionExpression']"))
                .isEqualTo("=routing.action = \"next-hop\"");
        assertThat(model("//*[@id='Flow_Finish']/*[local-name()='conditionExpression']"))
                .isEqualTo("=routing.action = \"finish\"");
        switch ((String) routing.get("action")) {
            case "next-hop" -> askProvider();          // Flow_AskUpstream: =routing.action = "next-hop"
            case "finish" -> closeTraceback(routing);  // Flow_Finish: =routing.action = "finish"
            default -> throw new AssertionError("no outgoing flow of Gateway_NextHop for " + routing);
        }
    }

    // --- Task_CloseTraceback -> EndEvent_TracebackClosed -------------------------------------------------

    private void closeTraceback(Map<String, Object> routing) {
        Map<String, Object> input = new HashMap<>();
        input.put("outcome", routing.get("outcome")); // zeebe:input source="=routing.outcome" target="outcome"
        assertThat(model("//*[@id='Task_CloseTraceback']//*[local-name()='input']/@source")).isEqualTo("=routing.outcome");
        assertThat(model("//*[@id='Task_CloseTraceback']//*[local-name()='input']/@target")).isEqualTo("outcome");
        Map<String, Object> result = serviceTask("Task_CloseTraceback", "traceback-close", input);
        assertThat(result).isEmpty();
        // no job ever failed or threw a BPMN error, and the process was started once
        assertThat(fake.requests("POST", "/v2/jobs/\\d+/(failure|error)")).isEmpty();
        assertThat(fake.requests("POST", "/v2/process-instances")).hasSize(1);
        assertThat(fake.requests("POST", "/v2/messages/publication")).hasSize(messagesSeen);
    }

    // --- how the engine runs a service task and a business rule task -----------------------------------

    /**
     * Creates the task's job with every process variable plus the task's input mappings, waits for the
     * production worker to complete it, and returns the variables of its one completion request.
     */
    private Map<String, Object> serviceTask(String elementId, String type, Map<String, Object> inputMappings) {
        assertThat(model("//*[@id='" + elementId + "']//*[local-name()='taskDefinition']/@type")).isEqualTo(type);
        assertThat(model("//*[@id='" + elementId + "']//*[local-name()='taskDefinition']/@retries"))
                .isEqualTo(Integer.toString(RETRIES));
        assertThat(model("count(//*[@id='" + elementId + "']//*[local-name()='input'])"))
                .isEqualTo(Integer.toString(inputMappings.size()));
        Map<String, Object> jobVariables = new LinkedHashMap<>(variables);
        jobVariables.putAll(inputMappings);
        FakeCamunda8.Job job = fake.createJob(instanceKey, elementId, type, jobVariables, Map.of(), RETRIES);
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            if (job.state == FakeCamunda8.JobState.FAILED || job.state == FakeCamunda8.JobState.ERROR_THROWN
                    || job.errorMessage != null) {
                throw new AssertionError(type + " job did not complete: " + job.state + " " + job.errorMessage);
            }
            return job.state == FakeCamunda8.JobState.COMPLETED;
        });
        assertThat(job.activations).as(type + " activations").isOne();
        assertThat(job.completions).as(type + " completions").isOne();
        List<FakeCamunda8.Request> completions = fake.requests("POST", "/v2/jobs/" + job.key + "/completion");
        assertThat(completions).hasSize(1);
        JsonNode sent = completions.get(0).json().path("variables");
        Map<String, Object> result = job.result;
        assertThat(sent.size()).isEqualTo(result.size());
        return result;
    }

    /** Evaluates the decision on the process variables; its single result lands in {@code resultVariable}. */
    private Map<String, Object> businessRuleTask(String elementId, String decisionId, String resultVariable) {
        String calledDecision = "//*[@id='" + elementId + "']//*[local-name()='calledDecision']";
        assertThat(model(calledDecision + "/@decisionId")).isEqualTo(decisionId);
        assertThat(model(calledDecision + "/@resultVariable")).isEqualTo(resultVariable);
        DmnDecision decision = decisions.get(decisionId);
        assertThat(decision).as("decision " + decisionId + " in dmn/").isNotNull();
        Map<String, Object> result = new HashMap<>(dmn.evaluateDecisionTable(decision, new HashMap<>(variables))
                .getSingleResult().getEntryMap());
        variables.put(resultVariable, result);
        return result;
    }

    /** bpmn/traceback.bpmn as the service deployed it to the fake, in the version the instance runs. */
    private Document deployedModel(FakeCamunda8.Instance instance) {
        FakeCamunda8.Deployed deployed = fake.deployed().stream()
                .filter(d -> d.kind().equals("process") && d.id().equals(instance.processId())
                        && d.version() == instance.version())
                .findFirst().orElseThrow();
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(deployed.content().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String model(String xpath) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(xpath, model).strip();
        } catch (Exception e) {
            throw new IllegalStateException(xpath, e);
        }
    }
}
