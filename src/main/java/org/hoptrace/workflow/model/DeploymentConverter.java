package org.hoptrace.workflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hoptrace.workflow.ModelResource;

/**
 * Converts the models of one deployment for the embedded engine: BPMN and DMN files are
 * rewritten, forms pass unchanged. Either every resource converts or the problems are returned.
 */
public final class DeploymentConverter {

    private DeploymentConverter() {
    }

    public record Result(List<ModelResource> resources, List<ModelProblem> problems) {

        public Result {
            resources = List.copyOf(resources);
            problems = List.copyOf(problems);
        }

        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    public static Result convert(List<ModelResource> resources) {
        Map<String, DecisionShape> decisions = DecisionShape.readAll(
                resources.stream().filter(ModelResource::isDmn).toList());
        ZeebeModelConverter bpmnConverter = new ZeebeModelConverter(decisions);
        DmnConverter dmnConverter = new DmnConverter();
        List<ModelResource> converted = new ArrayList<>();
        List<ModelProblem> problems = new ArrayList<>();
        for (ModelResource resource : resources) {
            if (resource.isBpmn() || resource.isDmn()) {
                ModelConversion conversion = resource.isBpmn()
                        ? bpmnConverter.convert(resource) : dmnConverter.convert(resource);
                problems.addAll(conversion.problems());
                if (conversion.succeeded()) {
                    converted.add(conversion.resource());
                }
            } else {
                converted.add(resource);
            }
        }
        return new Result(problems.isEmpty() ? converted : List.of(), problems);
    }
}
