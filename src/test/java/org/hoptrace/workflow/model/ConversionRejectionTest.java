package org.hoptrace.workflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hoptrace.workflow.model.TestModels.problems;

import java.util.List;
import java.util.Map;

import org.hoptrace.workflow.ModelResource;
import org.junit.jupiter.api.Test;

/** Whatever the embedded engine cannot run is rejected with file, element id and reason. */
class ConversionRejectionTest {

    private static final String FILE = "rejected.bpmn";

    @Test
    void everyElementOutsideTheSubsetIsNamedWithItsReason() {
        assertThat(problems(FILE)).map(ModelProblem::toString).containsExactlyInAnyOrder(
                "rejected.bpmn:alarm: signals are not supported",
                "rejected.bpmn:wait-alarm: signal events are not supported",
                "rejected.bpmn:choose: complex gateways are not supported",
                "rejected.bpmn:f5: condition '${approved}' is not a FEEL expression (=...)",
                "rejected.bpmn:draft: process is not executable (isExecutable=\"false\")",
                "rejected.bpmn:work: job type must be a literal, not the FEEL expression '=jobType'",
                "rejected.bpmn:work: mapping target 'result.value' is a nested path, which is not supported",
                "rejected.bpmn:work: execution listeners are not supported",
                "rejected.bpmn:rejected: zeebe:properties are not supported",
                "rejected.bpmn:review: only linked Camunda Forms (formId) are supported, not formKey or externalReference",
                "rejected.bpmn:wait-reply: message reply has no correlation key");
    }

    @Test
    void aRejectedModelProducesNoConvertedResource() {
        ModelConversion conversion = new ZeebeModelConverter(Map.of()).convert(TestModels.load(FILE));

        assertThat(conversion.succeeded()).isFalse();
        assertThat(conversion.resource()).isNull();
    }

    @Test
    void anUnknownDecisionIsRejected() {
        assertThat(problems("decisions.bpmn", "provider-tier.dmn", "provider-duties.dmn")).containsExactly(
                new ModelProblem("decisions.bpmn", "deadline",
                        "decision 'response-deadline' is not in any DMN file of the deployment"));
    }

    @Test
    void anUnknownZeebeExtensionIsReportedNotDropped() {
        ModelResource model = ModelResource.of("future.bpmn", """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
                  <bpmn:process id="future" isExecutable="true">
                    <bpmn:manualTask id="manual" zeebe:newFlag="x">
                      <bpmn:extensionElements><zeebe:somethingNew /></bpmn:extensionElements>
                    </bpmn:manualTask>
                  </bpmn:process>
                </bpmn:definitions>
                """);

        assertThat(new ZeebeModelConverter(Map.of()).convert(model).problems()).map(ModelProblem::toString)
                .containsExactlyInAnyOrder(
                        "future.bpmn:manual: Camunda 8 extension zeebe:somethingNew is not supported on a manualTask",
                        "future.bpmn:manual: Camunda 8 attribute zeebe:newFlag is not supported");
    }

    @Test
    void aFeelTimerOnAProcessStartEventIsRejected() {
        ModelResource model = ModelResource.of("start-timer.bpmn", """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <bpmn:process id="start-timer" isExecutable="true">
                    <bpmn:startEvent id="every-day">
                      <bpmn:timerEventDefinition id="every-day-def"><bpmn:timeCycle>=cycle</bpmn:timeCycle></bpmn:timerEventDefinition>
                    </bpmn:startEvent>
                  </bpmn:process>
                </bpmn:definitions>
                """);

        assertThat(new ZeebeModelConverter(Map.of()).convert(model).problems()).extracting(ModelProblem::elementId)
                .containsExactly("every-day-def");
    }

    @Test
    void xmlThatDoesNotParseIsReportedWithItsLine() {
        ModelResource model = ModelResource.of("broken.bpmn", "<bpmn:definitions>\n<unclosed>\n</bpmn:definitions>");

        List<ModelProblem> problems = new ZeebeModelConverter(Map.of()).convert(model).problems();

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.elementId()).isEqualTo("line 1");
            assertThat(problem.message()).startsWith("XML does not parse");
        });
    }

    @Test
    void aProcessLevelEventSubprocessWithAFeelCorrelationKeyIsRejected() {
        ModelResource model = ModelResource.of("closure.bpmn", """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
                  <bpmn:message id="closed" name="case-closed">
                    <bpmn:extensionElements><zeebe:subscription correlationKey="=caseId" /></bpmn:extensionElements>
                  </bpmn:message>
                  <bpmn:process id="closure" isExecutable="true">
                    <bpmn:subProcess id="on-closure" triggeredByEvent="true">
                      <bpmn:startEvent id="closing"><bpmn:messageEventDefinition messageRef="closed" /></bpmn:startEvent>
                    </bpmn:subProcess>
                  </bpmn:process>
                </bpmn:definitions>
                """);

        assertThat(new ZeebeModelConverter(Map.of()).convert(model).problems()).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.elementId()).isEqualTo("closing");
                    assertThat(problem.message()).contains("process-level event subprocess", "embedded subprocess");
                });
    }

    @Test
    void outputMappingsOperatonCannotPlaceAreRejected() {
        ModelResource model = ModelResource.of("outputs.bpmn", """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
                  <bpmn:process id="outputs" isExecutable="true">
                    <bpmn:startEvent id="begin">
                      <bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=a" target="b" /></zeebe:ioMapping></bpmn:extensionElements>
                    </bpmn:startEvent>
                    <bpmn:task id="each">
                      <bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=a" target="b" /></zeebe:ioMapping></bpmn:extensionElements>
                      <bpmn:multiInstanceLoopCharacteristics>
                        <bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" /></bpmn:extensionElements>
                      </bpmn:multiInstanceLoopCharacteristics>
                    </bpmn:task>
                  </bpmn:process>
                </bpmn:definitions>
                """);

        assertThat(new ZeebeModelConverter(Map.of()).convert(model).problems()).map(ModelProblem::toString)
                .containsExactlyInAnyOrder(
                        "outputs.bpmn:begin: input/output mappings on a startEvent are not supported by the embedded engine",
                        "outputs.bpmn:each: output mappings on a multi-instance activity are not supported by the "
                                + "embedded engine; collect results with outputCollection/outputElement");
    }
}
