package org.hoptrace.workflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ModelCheckerTest {

    private static final Set<String> WORKERS = Set.of("hop-request");

    private static Path dir(String name) throws URISyntaxException {
        return Path.of(ModelCheckerTest.class.getResource("/models/" + name).toURI());
    }

    private static List<String> problems(Set<String> jobTypes) throws Exception {
        return new ModelChecker(jobTypes).check(dir("check")).stream().map(ModelProblem::toString).toList();
    }

    @Test
    void camunda8sOwnDesignTimeValidationIsReportedByElementId() throws Exception {
        assertThat(problems(WORKERS)).contains(
                "traceback.bpmn:no-job: Must have exactly one 'zeebe:taskDefinition' extension element",
                "traceback.bpmn:reply: Must have exactly one zeebe:subscription extension element");
    }

    @Test
    void aFeelExpressionThatDoesNotParseIsReported() throws Exception {
        assertThat(problems(WORKERS)).anySatisfy(problem -> assertThat(problem)
                .startsWith("traceback.bpmn:f10: FEEL expression in conditionExpression does not parse: '=amount >'"));
    }

    @Test
    void elementsTheEmbeddedEngineCannotRunAreReportedAsTheConverterRejectsThem() throws Exception {
        assertThat(problems(WORKERS)).contains(
                "traceback.bpmn:no-job: serviceTask has no zeebe:taskDefinition (job type)",
                "traceback.bpmn:wait-reply: message reply has no correlation key");
    }

    @Test
    void referencesToMissingWorkersFormsDecisionsAndProcessesAreReported() throws Exception {
        assertThat(problems(WORKERS)).contains(
                "traceback.bpmn:alert: no worker is registered for job type 'agency-alert'",
                "traceback.bpmn:review: no form has the id 'missing-form'",
                "traceback.bpmn:classify: decision 'no-such-decision' is not in any DMN file of the deployment",
                "traceback.bpmn:call: no BPMN file defines the process 'no-such-process'");
        assertThat(problems(WORKERS)).noneMatch(problem -> problem.contains("review-form")
                || problem.contains("'tier'") || problem.contains("'child'") || problem.contains("'hop-request'"));
    }

    @Test
    void withoutKnownJobTypesTheWorkerCheckIsSkipped() throws Exception {
        assertThat(problems(null)).noneMatch(problem -> problem.contains("no worker"));
    }

    @Test
    void filesThatDoNotParseAreReportedWithTheirLine() throws Exception {
        assertThat(problems(WORKERS)).contains(
                "broken.bpmn:line 4: XML does not parse: The element type \"bpmn:process\" must be terminated "
                        + "by the matching end-tag \"</bpmn:process>\".",
                "bad.form:line 4: form JSON does not parse: Unexpected close marker '}': expected ']'");
    }

    @Test
    void theCommandPrintsEveryProblemAndASummaryAndFails() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exitCode = ModelCheckCommand.run(dir("check"), WORKERS, new PrintStream(out, true, StandardCharsets.UTF_8));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(exitCode).isEqualTo(1);
        assertThat(lines).hasSize(12).contains("traceback.bpmn:alert: no worker is registered for job type 'agency-alert'");
        assertThat(lines.get(11)).isEqualTo("11 problems in 3 files");
    }

    @Test
    void theCommandReportsCleanModelsAndSucceeds() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exitCode = ModelCheckCommand.run(dir("check-clean"), Set.of(), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("OK: 2 files checked" + System.lineSeparator());
    }
}
