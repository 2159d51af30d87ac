package org.hoptrace.workflow.model;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.hoptrace.workflow.ModelResource;

/** The checks Camunda 8 itself runs at deployment (zeebe-bpmn-model's design-time validators). */
final class DesignTimeValidation {

    private DesignTimeValidation() {
    }

    static List<ModelProblem> check(ModelResource bpmn) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.content()));
        } catch (RuntimeException e) {
            return List.of(new ModelProblem(bpmn.name(), "definitions", "not a valid BPMN model: " + e.getMessage()));
        }
        List<ModelProblem> problems = new ArrayList<>();
        model.validate(ZeebeDesignTimeValidators.VALIDATORS).getResults().forEach((element, results) -> {
            for (ValidationResult result : results) {
                if (result.getType() == ValidationResultType.ERROR) {
                    problems.add(new ModelProblem(bpmn.name(), idOf(element), result.getMessage()));
                }
            }
        });
        return problems;
    }

    private static String idOf(ModelElementInstance element) {
        for (ModelElementInstance current = element; current != null; current = current.getParentElement()) {
            String id = current.getAttributeValue("id");
            if (id != null) {
                return id;
            }
        }
        return element.getElementType().getTypeName();
    }
}
