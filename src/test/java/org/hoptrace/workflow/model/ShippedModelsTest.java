package org.hoptrace.workflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.hoptrace.workflow.JobTypes;
import org.junit.jupiter.api.Test;

/** The models Hoptrace ships (bpmn/, dmn/, forms/ of the checkout) pass the model check. */
class ShippedModelsTest {

    @Test
    void theShippedModelsPassTheModelCheckWithTheApplicationsWorkers() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exitCode = ModelCheckCommand.run(Path.of("."), JobTypes.scan("org.hoptrace"),
                new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(output.toString(StandardCharsets.UTF_8)).startsWith("OK: ");
        assertThat(exitCode).isZero();
    }

    @Test
    void theJobTypesOfTheApplicationsWorkersAreFoundWithoutStartingIt() {
        assertThat(JobTypes.scan("org.hoptrace")).contains("sample-send-inquiry");
    }
}
