package org.hoptrace.workflow;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The job types that have a worker, found without starting the application: every
 * {@link JobWorker} method of a component below a package. Used by the model check command.
 */
public final class JobTypes {

    private JobTypes() {
    }

    public static Set<String> scan(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        Set<String> types = new TreeSet<>();
        ClassLoader loader = JobTypes.class.getClassLoader();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), loader);
            ReflectionUtils.doWithMethods(type, method -> types.add(method.getAnnotation(JobWorker.class).type()),
                    method -> method.isAnnotationPresent(JobWorker.class));
        }
        return types;
    }
}
