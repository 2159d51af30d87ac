package org.hoptrace;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.hoptrace.legal.AuditExportCommand;
import org.hoptrace.workflow.JobTypes;
import org.hoptrace.workflow.model.ModelCheckCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HoptraceApplication {

    private static final String CHECK_MODELS = "--check-models=";
    private static final String VERIFY_AUDIT = "--verify-audit=";

    public static void main(String[] args) {
        Optional<String> modelsToCheck = Arrays.stream(args).filter(arg -> arg.startsWith(CHECK_MODELS))
                .map(arg -> arg.substring(CHECK_MODELS.length())).findFirst();
        if (modelsToCheck.isPresent()) {
            System.exit(ModelCheckCommand.run(Path.of(modelsToCheck.get()), JobTypes.scan("org.hoptrace"), System.out));
        }
        Optional<String> auditExport = Arrays.stream(args).filter(arg -> arg.startsWith(VERIFY_AUDIT))
                .map(arg -> arg.substring(VERIFY_AUDIT.length())).findFirst();
        if (auditExport.isPresent()) {
            System.exit(AuditExportCommand.run(Path.of(auditExport.get()), System.out));
        }
        SpringApplication.run(HoptraceApplication.class, args);
    }
}
