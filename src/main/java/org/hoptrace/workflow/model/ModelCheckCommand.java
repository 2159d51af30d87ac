package org.hoptrace.workflow.model;

import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.hoptrace.workflow.ModelResource;

/** The command-line model check: prints every problem, then a summary; exit code 0 when clean. */
public final class ModelCheckCommand {

    private ModelCheckCommand() {
    }

    /** @param jobTypes the job types with a registered worker, or null to skip that check */
    public static int run(Path dir, Set<String> jobTypes, PrintStream out) {
        List<ModelResource> resources;
        try {
            resources = ModelChecker.read(dir);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            out.println(dir + ": cannot read models: " + e.getMessage());
            return 1;
        }
        List<ModelProblem> problems = new ModelChecker(jobTypes).check(resources);
        problems.forEach(out::println);
        if (problems.isEmpty()) {
            out.println("OK: " + resources.size() + " files checked");
            return 0;
        }
        long files = problems.stream().map(ModelProblem::file).distinct().count();
        out.println(problems.size() + " problems in " + files + " files");
        return 1;
    }
}
