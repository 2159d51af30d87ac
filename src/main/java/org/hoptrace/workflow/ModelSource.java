package org.hoptrace.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where the models come from: the copy in the jar ({@code classpath:}, the default) or a directory
 * that holds {@code *.bpmn}, {@code *.dmn} and {@code *.form} files directly or in {@code bpmn/},
 * {@code dmn/} and {@code forms/} subfolders.
 */
public final class ModelSource {

    private static final String[] FOLDERS = {"bpmn", "dmn", "forms"};
    private static final String[] PATTERNS = {"bpmn/*.bpmn", "dmn/*.dmn", "forms/*.form"};

    private ModelSource() {
    }

    /** Loads the models of a location: {@code classpath:} or a directory path. */
    public static List<ModelResource> load(String location) {
        if (location == null || location.isBlank() || location.startsWith("classpath:")) {
            return fromClasspath();
        }
        return fromDirectory(Path.of(location));
    }

    public static List<ModelResource> fromClasspath() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<ModelResource> models = new ArrayList<>();
        try {
            for (String pattern : PATTERNS) {
                for (Resource resource : resolver.getResources("classpath*:" + pattern)) {
                    try (InputStream in = resource.getInputStream()) {
                        models.add(new ModelResource(resource.getFilename(), in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the models from the classpath", e);
        }
        models.sort(Comparator.comparing(ModelResource::name));
        return models;
    }

    public static List<ModelResource> fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("model directory " + directory.toAbsolutePath() + " does not exist");
        }
        List<ModelResource> models = new ArrayList<>(readModels(directory));
        for (String folder : FOLDERS) {
            Path sub = directory.resolve(folder);
            if (Files.isDirectory(sub)) {
                models.addAll(readModels(sub));
            }
        }
        models.sort(Comparator.comparing(ModelResource::name));
        return models;
    }

    private static List<ModelResource> readModels(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<ModelResource> models = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).filter(ModelSource::isModel).toList()) {
                models.add(new ModelResource(file.getFileName().toString(), Files.readAllBytes(file)));
            }
            return models;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read models in " + directory, e);
        }
    }

    private static boolean isModel(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form");
    }
}
