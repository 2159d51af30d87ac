package org.hoptrace.workflow.model;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.workflow.ModelResource;
import org.hoptrace.workflow.ModelSource;
import org.hoptrace.workflow.feel.Feel;
import org.w3c.dom.Document;

/**
 * Lists every problem of a set of models before deployment: Camunda 8's own validation, FEEL
 * syntax, elements the embedded engine cannot run, and references to job workers, forms,
 * decisions and processes that do not exist.
 */
public final class ModelChecker {

    private final Set<String> jobTypes;
    private final FeelSyntaxCheck feelSyntax = new FeelSyntaxCheck(new Feel(Instant::now));
    private final ObjectMapper json = new ObjectMapper();

    /** @param jobTypes the job types with a registered worker; null skips that check */
    public ModelChecker(Set<String> jobTypes) {
        this.jobTypes = jobTypes == null ? null : Set.copyOf(jobTypes);
    }

    /** The model files directly in {@code dir} or in its bpmn/, dmn/ and forms/ folders. */
    public static List<ModelResource> read(Path dir) {
        return ModelSource.fromDirectory(dir);
    }

    public List<ModelProblem> check(Path dir) {
        return check(read(dir));
    }

    public List<ModelProblem> check(List<ModelResource> resources) {
        Set<ModelProblem> problems = new LinkedHashSet<>();
        Set<String> formIds = new HashSet<>();
        for (ModelResource form : resources.stream().filter(ModelResource::isForm).toList()) {
            readForm(form, formIds, problems);
        }
        List<ModelResource> dmnFiles = resources.stream().filter(ModelResource::isDmn).toList();
        Map<String, DecisionShape> decisions = DecisionShape.readAll(dmnFiles);
        DmnConverter dmnConverter = new DmnConverter();
        dmnFiles.forEach(dmn -> problems.addAll(dmnConverter.convert(dmn).problems()));
        Map<ModelResource, Document> bpmnFiles = new LinkedHashMap<>();
        for (ModelResource bpmn : resources.stream().filter(ModelResource::isBpmn).toList()) {
            try {
                bpmnFiles.put(bpmn, Xml.parse(bpmn));
            } catch (MalformedModelException e) {
                problems.add(e.toProblem(bpmn.name()));
            }
        }
        ReferenceCheck references = new ReferenceCheck(jobTypes, formIds, processIds(bpmnFiles.values()));
        ZeebeModelConverter converter = new ZeebeModelConverter(decisions);
        bpmnFiles.forEach((bpmn, document) -> {
            problems.addAll(DesignTimeValidation.check(bpmn));
            problems.addAll(feelSyntax.check(bpmn.name(), document));
            problems.addAll(converter.convert(bpmn).problems());
            problems.addAll(references.check(bpmn.name(), document));
        });
        return List.copyOf(problems);
    }

    private void readForm(ModelResource form, Set<String> formIds, Set<ModelProblem> problems) {
        try {
            JsonNode id = json.readTree(form.content()).path("id");
            if (id.isTextual()) {
                formIds.add(id.asText());
            } else {
                problems.add(new ModelProblem(form.name(), "-", "form has no \"id\""));
            }
        } catch (JsonProcessingException e) {
            problems.add(new ModelProblem(form.name(), "line " + e.getLocation().getLineNr(),
                    "form JSON does not parse: " + e.getOriginalMessage().split(" \\(for ")[0]));
        } catch (IOException e) {
            problems.add(new ModelProblem(form.name(), "-", "form cannot be read: " + e.getMessage()));
        }
    }

    private static Set<String> processIds(Iterable<Document> bpmnFiles) {
        Set<String> ids = new HashSet<>();
        for (Document document : bpmnFiles) {
            Xml.children(document.getDocumentElement(), Xml.BPMN, "process")
                    .forEach(process -> ids.add(process.getAttribute("id")));
        }
        return ids;
    }
}
