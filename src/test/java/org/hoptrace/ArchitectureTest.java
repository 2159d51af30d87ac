package org.hoptrace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md, checked on the compiled code. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hoptrace");
    }

    @Test
    void featuresTalkToTheEngineOnlyThroughThePort() {
        noClasses().that().resideOutsideOfPackages("org.hoptrace.workflow..", "org.hoptrace.security..")
                .should().dependOnClassesThat().resideInAnyPackage("org.operaton.bpm.engine..", "io.camunda..")
                .orShould().dependOnClassesThat().resideInAnyPackage(
                        "org.hoptrace.workflow.embedded..", "org.hoptrace.workflow.camunda8..")
                .because("application code uses the engine-neutral WorkflowEngine port and @JobWorker"
                        + " (security reads users and groups from the engine's identity store)")
                .check(classes);
    }

    @Test
    void enginePortAndModelConversionDoNotDependOnAnAdapter() {
        noClasses().that().resideInAnyPackage("org.hoptrace.workflow", "org.hoptrace.workflow.model..",
                        "org.hoptrace.workflow.feel..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.hoptrace.workflow.embedded..", "org.hoptrace.workflow.camunda8..")
                .check(classes);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("org.hoptrace.workflow.embedded..")
                .should().dependOnClassesThat().resideInAPackage("org.hoptrace.workflow.camunda8..")
                .check(classes);
        noClasses().that().resideInAPackage("org.hoptrace.workflow.camunda8..")
                .should().dependOnClassesThat().resideInAPackage("org.hoptrace.workflow.embedded..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theWorkflowLayerDoesNotDependOnFeatures() {
        noClasses().that().resideInAPackage("org.hoptrace.workflow..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hoptrace.sample..", "org.hoptrace.web..",
                        "org.hoptrace.traceback..", "org.hoptrace.provider..", "org.hoptrace.campaign..",
                        "org.hoptrace.legal..", "org.hoptrace.agency..")
                .check(classes);
    }
}
