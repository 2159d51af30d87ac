package org.hoptrace;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.hoptrace.workflow.JobTypes;
import org.hoptrace.workflow.model.ModelCheckCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HoptraceApplication {

    private static final String CHECK_MODELS = "--check-models=";

    public static void main(String[] args) {
        Optional<String> modelsToCheck = Arrays.stream(args).filter(arg -> arg.startsWith(CHECK_MODELS))
                .map(arg -> arg.substring(CHECK_MODELS.length())).findFirst();
        if (modelsToCheck.isPresent()) {
            System.exit(ModelCheckCommand.run(Path.of(modelsToCheck.get()), JobTypes.scan("org.hoptrace"), System.out));
        }
        SpringApplication.run(HoptraceApplication.class, args);
    }
}
