package org.hoptrace.workflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hoptrace.workflow.model.TestModels.convert;
import static org.hoptrace.workflow.model.TestModels.count;
import static org.hoptrace.workflow.model.TestModels.xpath;

import org.junit.jupiter.api.Test;

class ZeebeModelConverterTest {

    @Test
    void aServiceTaskBecomesAnExternalTaskWithHeadersAndRetriesAsProperties() {
        String xml = convert("job-task.bpmn");
        String task = "//bpmn:serviceTask[@id='request-hop']";

        assertThat(xpath(xml, task + "/@operaton:type")).isEqualTo("external");
        assertThat(xpath(xml, task + "/@operaton:topic")).isEqualTo("hop-request");
        assertThat(xpath(xml, task + "//operaton:property[@name='channel']/@value")).isEqualTo("email");
        assertThat(xpath(xml, task + "//operaton:property[@name='hoptrace:retries']/@value")).isEqualTo("5");
        assertThat(xpath(xml, task + "//operaton:property[@name='hoptrace:localResult']/@value")).isEqualTo("true");
        assertThat(count(xml, "//zeebe:*")).isZero();
    }

    @Test
    void aSendTaskWithoutRetriesGetsTheDefaultOfThreeAndNoLocalResult() {
        String xml = convert("job-task.bpmn");
        String task = "//bpmn:sendTask[@id='notify']";

        assertThat(xpath(xml, task + "/@operaton:topic")).isEqualTo("agency-notify");
        assertThat(xpath(xml, task + "//operaton:property[@name='hoptrace:retries']/@value")).isEqualTo("3");
        assertThat(count(xml, task + "//operaton:property[@name='hoptrace:localResult']")).isZero();
    }

    @Test
    void inputAndOutputMappingsBecomeParametersEvaluatedThroughFeel() {
        String xml = convert("job-task.bpmn");
        String io = "//bpmn:serviceTask[@id='request-hop']//operaton:inputOutput";

        assertThat(xpath(xml, io + "/operaton:inputParameter[@name='caseId']"))
                .isEqualTo("${hoptraceFeel.value(execution, 'tracebackId')}");
        assertThat(xpath(xml, io + "/operaton:inputParameter[@name='note']"))
                .isEqualTo("${'it\\'s a \\\\ ${literal}'}");
        assertThat(xpath(xml, io + "/operaton:outputParameter[@name='hopStatus']"))
                .isEqualTo("${hoptraceFeel.value(execution, 'response.status')}");
    }

    @Test
    void theVersionTagOfAProcessIsKept() {
        assertThat(xpath(convert("job-task.bpmn"), "//bpmn:process/@operaton:versionTag")).isEqualTo("v7");
    }

    @Test
    void aFeelConditionIsEvaluatedThroughHoptraceFeelWithQuotesEscaped() {
        String xml = convert("conditions.bpmn");

        assertThat(xpath(xml, "//bpmn:sequenceFlow[@id='big-flow']/bpmn:conditionExpression"))
                .isEqualTo("${hoptraceFeel.condition(execution, 'amount > 100 and label != \"it\\'s\"')}");
    }

    @Test
    void aFeelScriptTaskBecomesAJuelScriptWithItsResultVariable() {
        String xml = convert("script.bpmn");
        String task = "//bpmn:scriptTask[@id='add']";

        assertThat(xpath(xml, task + "/@scriptFormat")).isEqualTo("juel");
        assertThat(xpath(xml, task + "/bpmn:script")).isEqualTo("${hoptraceFeel.value(execution, 'a + b')}");
        assertThat(xpath(xml, task + "/@operaton:resultVariable")).isEqualTo("sum");
    }

    @Test
    void aFeelTimerIsEvaluatedThroughHoptraceFeelAndALiteralTimerIsKept() {
        String xml = convert("timer.bpmn");

        assertThat(xpath(xml, "//bpmn:boundaryEvent[@id='deadline']//bpmn:timeDuration"))
                .isEqualTo("${hoptraceFeel.timer(execution, 'responseWindow')}");
        assertThat(xpath(xml, "//bpmn:intermediateCatchEvent[@id='pause']//bpmn:timeDuration")).isEqualTo("PT1H");
    }

    @Test
    void aCaughtMessageIsNamedWithItsCorrelationKeyAndTheProcessStartKeepsThePlainName() {
        String xml = convert("message.bpmn");

        assertThat(xpath(xml, "//bpmn:message[@id='hop-response']/@name"))
                .isEqualTo("hop-response::${hoptraceFeel.text(execution, 'hopId')}");
        assertThat(xpath(xml, "//bpmn:message[@id='case-opened']/@name")).isEqualTo("case-opened::fixed");
        assertThat(xpath(xml, "//bpmn:startEvent/bpmn:messageEventDefinition/@messageRef")).isEqualTo("case-opened_start");
        assertThat(xpath(xml, "//bpmn:message[@id='case-opened_start']/@name")).isEqualTo("case-opened");
    }

    @Test
    void aUserTaskGetsAssignmentFormAndScheduleInOperatonAttributes() {
        String xml = convert("user-task.bpmn");
        String task = "//bpmn:userTask[@id='review']";

        assertThat(xpath(xml, task + "/@operaton:assignee")).isEqualTo("${hoptraceFeel.text(execution, 'reviewer')}");
        assertThat(xpath(xml, task + "/@operaton:candidateGroups")).isEqualTo("legal, compliance");
        assertThat(xpath(xml, task + "/@operaton:candidateUsers"))
                .isEqualTo("${hoptraceFeel.list(execution, '[\"ann\", \"bob\"]')}");
        assertThat(xpath(xml, task + "/@operaton:formRef")).isEqualTo("review-subpoena");
        assertThat(xpath(xml, task + "/@operaton:formRefBinding")).isEqualTo("latest");
        assertThat(xpath(xml, task + "/@operaton:dueDate")).isEqualTo("${hoptraceFeel.text(execution, 'due')}");
        assertThat(xpath(xml, task + "/@operaton:followUpDate")).isEqualTo("2030-01-02T10:00:00Z");
    }

    @Test
    void aCalledDecisionMapsItsResultAsCamunda8WouldFromTheHitPolicyAndOutputs() {
        String xml = convert("decisions.bpmn", "provider-tier.dmn", "provider-duties.dmn", "response-deadline.dmn");

        assertThat(xpath(xml, "//bpmn:businessRuleTask[@id='classify']/@operaton:decisionRef")).isEqualTo("provider-tier");
        assertThat(xpath(xml, "//bpmn:businessRuleTask[@id='classify']/@operaton:resultVariable")).isEqualTo("tier");
        assertThat(xpath(xml, "//bpmn:businessRuleTask[@id='classify']/@operaton:mapDecisionResult")).isEqualTo("singleEntry");
        assertThat(xpath(xml, "//bpmn:businessRuleTask[@id='collect']/@operaton:mapDecisionResult")).isEqualTo("collectEntries");
        assertThat(xpath(xml, "//bpmn:businessRuleTask[@id='deadline']/@operaton:mapDecisionResult")).isEqualTo("singleResult");
    }

    @Test
    void aDecisionResultShapeFollowsEveryHitPolicy() {
        assertThat(new DecisionShape("UNIQUE", null, 1).mapDecisionResult()).isEqualTo("singleEntry");
        assertThat(new DecisionShape("PRIORITY", null, 2).mapDecisionResult()).isEqualTo("singleResult");
        assertThat(new DecisionShape("COLLECT", "SUM", 1).mapDecisionResult()).isEqualTo("singleEntry");
        assertThat(new DecisionShape("RULE ORDER", null, 1).mapDecisionResult()).isEqualTo("collectEntries");
        assertThat(new DecisionShape("OUTPUT ORDER", null, 3).mapDecisionResult()).isEqualTo("resultList");
    }

    @Test
    void aMultiInstanceActivityGetsAFeelCollectionAndAnOutputCollectingListener() {
        String xml = convert("multi-instance.bpmn");
        String loop = "//bpmn:scriptTask[@id='count']/bpmn:multiInstanceLoopCharacteristics";

        assertThat(xpath(xml, loop + "/@operaton:collection")).isEqualTo("${hoptraceFeel.list(execution, 'hops')}");
        assertThat(xpath(xml, loop + "/@operaton:elementVariable")).isEqualTo("item");
        assertThat(xpath(xml, loop + "/bpmn:completionCondition")).isEqualTo("${hoptraceFeel.condition(execution, 'false')}");
        assertThat(xpath(xml, "//bpmn:scriptTask[@id='count']/bpmn:extensionElements/operaton:executionListener[@event='end']/@expression"))
                .isEqualTo("${hoptraceFeel.collectOutput(execution, 'labels', 'label')}");
    }

    @Test
    void aCallActivityPropagatesVariablesAsCamunda8Does() {
        String xml = convert("call-parent.bpmn");
        String selected = "//bpmn:callActivity[@id='call-selected']";
        String all = "//bpmn:callActivity[@id='call-all']";

        assertThat(xpath(xml, selected + "/@calledElement")).isEqualTo("call-child");
        assertThat(xpath(xml, selected + "//operaton:in/@variables")).isEqualTo("all");
        assertThat(count(xml, selected + "//operaton:in[@local]")).isZero();
        assertThat(xpath(xml, selected + "//operaton:out/@local")).isEqualTo("true");
        assertThat(xpath(xml, all + "/@calledElement")).isEqualTo("${hoptraceFeel.text(execution, 'childId')}");
        assertThat(xpath(xml, all + "//operaton:in/@local")).isEqualTo("true");
        assertThat(xpath(xml, all + "//operaton:out/@variables")).isEqualTo("all");
        assertThat(count(xml, all + "//operaton:out[@local]")).isZero();
    }

    @Test
    void theDiagramIsKeptExactlyAsDrawn() {
        String original = TestModels.load("conditions.bpmn").text();
        String xml = convert("conditions.bpmn");

        assertThat(count(xml, "//bpmndi:BPMNEdge/di:waypoint")).isEqualTo(8);
        assertThat(TestModels.diagram(xml).isEqualNode(TestModels.diagram(original))).isTrue();
    }

    @Test
    void modelerAttributesAreKept() {
        assertThat(convert("job-task.bpmn")).contains("modeler:executionPlatform=\"Camunda Cloud\"");
    }
}
