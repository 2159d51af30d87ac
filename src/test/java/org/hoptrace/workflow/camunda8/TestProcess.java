package org.hoptrace.workflow.camunda8;

import org.hoptrace.workflow.ModelResource;

/** A minimal Camunda 8 process; its documentation text changes the content (and so the version). */
final class TestProcess {

    private TestProcess() {
    }

    static ModelResource bpmn(String processId, String documentation) {
        return ModelResource.of(processId + ".bpmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                                  id="defs" targetNamespace="http://hoptrace.org/test">
                  <bpmn:process id="%s" isExecutable="true">
                    <bpmn:documentation>%s</bpmn:documentation>
                    <bpmn:startEvent id="start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
                    <bpmn:serviceTask id="work">
                      <bpmn:extensionElements><zeebe:taskDefinition type="test-work"/></bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
                    <bpmn:endEvent id="end"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(processId, documentation));
    }
}
