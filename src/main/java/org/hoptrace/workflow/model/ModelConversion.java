package org.hoptrace.workflow.model;

import java.util.List;

import org.hoptrace.workflow.ModelResource;

/** The outcome of converting one model file: the converted resource, or the problems found. */
public record ModelConversion(ModelResource resource, List<ModelProblem> problems) {

    public ModelConversion {
        problems = List.copyOf(problems);
    }

    static ModelConversion of(ModelResource resource) {
        return new ModelConversion(resource, List.of());
    }

    static ModelConversion failed(List<ModelProblem> problems) {
        return new ModelConversion(null, problems);
    }

    public boolean succeeded() {
        return problems.isEmpty();
    }
}
