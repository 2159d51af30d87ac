package org.hoptrace.workflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hoptrace.workflow.model.TestModels.count;
import static org.hoptrace.workflow.model.TestModels.xpath;

import java.util.Map;

import org.hoptrace.workflow.ModelResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Camunda 8 DMN files evaluate on Operaton with Camunda 8's results. */
class DmnConverterTest {

    @RegisterExtension
    static final OperatonEngine operaton = new OperatonEngine();

    private final DmnConverter converter = new DmnConverter();

    private String converted(String file) {
        ModelConversion conversion = converter.convert(TestModels.load(file));
        assertThat(conversion.problems()).isEmpty();
        return conversion.resource().text();
    }

    @Test
    void aDateInputLosesOperatonsJavaDateTypeAndOtherTypesAreKept() {
        String xml = converted("provider-tier.dmn");

        assertThat(count(xml, "//dmn:inputExpression[@id='since-expr']/@typeRef")).isZero();
        assertThat(xpath(xml, "//dmn:inputExpression[@id='calls-expr']/@typeRef")).isEqualTo("number");
    }

    @Test
    void aConvertedTableEvaluatesIsoDateStringsAndNumbersAsCamunda8Does() {
        operaton.deploy(Map.of("provider-tier.dmn", converted("provider-tier.dmn"),
                "response-deadline.dmn", converted("response-deadline.dmn")));

        Object tier = operaton.engine().getDecisionService().evaluateDecisionByKey("provider-tier")
                .variables(Map.of("calls", 20L, "firstSeen", "2024-01-01")).evaluate().getSingleEntry();
        Object days = operaton.engine().getDecisionService().evaluateDecisionByKey("response-deadline")
                .variables(Map.of("tier", "low")).evaluate().getFirstResult().getEntry("days");

        assertThat(tier).isEqualTo("low");
        assertThat(days).isEqualTo(14L);
    }

    @Test
    void withoutConversionOperatonRejectsTheIsoDateStringsCamunda8Passes() {
        String original = TestModels.load("provider-tier.dmn").text().replace("provider-tier", "raw-tier");
        operaton.deploy(Map.of("raw-tier.dmn", original));

        assertThatThrownBy(() -> operaton.engine().getDecisionService().evaluateDecisionByKey("raw-tier")
                .variables(Map.of("calls", 20L, "firstSeen", "2024-01-01")).evaluate())
                .hasRootCauseMessage("DMN-01005 Invalid value '2024-01-01' for clause with type 'date'.");
    }

    @Test
    void temporalOutputsAndBusinessKnowledgeModelsAreRejectedByElementId() {
        assertThat(converter.convert(TestModels.load("unsupported.dmn")).problems()).map(ModelProblem::toString)
                .containsExactlyInAnyOrder(
                        "unsupported.dmn:due-output: a decision output of type date would be stored as a Java object, "
                                + "not a JSON value; output a string instead (e.g. string(date(...)))",
                        "unsupported.dmn:bkm: businessKnowledgeModel is not supported by the embedded DMN engine");
    }

    @Test
    void aDmnFileThatDoesNotParseIsReportedWithItsLine() {
        ModelResource broken = ModelResource.of("broken.dmn", "<definitions>\n\n<decision></definitions>");

        assertThat(converter.convert(broken).problems()).extracting(ModelProblem::elementId).containsExactly("line 3");
    }
}
