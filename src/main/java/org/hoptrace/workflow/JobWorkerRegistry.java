package org.hoptrace.workflow;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Collects every {@link JobWorker} method of the application's beans. Engine adapters activate
 * jobs for exactly these types; the model check reports a job type without a worker.
 */
@Component
public class JobWorkerRegistry implements BeanPostProcessor {

    private final Map<String, JobWorkerRegistration> workers = new TreeMap<>();
    private final ObjectProvider<ObjectMapper> json;

    public JobWorkerRegistry(ObjectProvider<ObjectMapper> json) {
        this.json = json;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        ReflectionUtils.doWithMethods(type, method -> {
            JobWorker annotation = AnnotationUtils.findAnnotation(method, JobWorker.class);
            if (annotation != null) {
                register(annotation, new MethodJobHandler(bean, method, json));
            }
        }, method -> method.isAnnotationPresent(JobWorker.class));
        return bean;
    }

    private void register(JobWorker annotation, JobHandler handler) {
        register(new JobWorkerRegistration(annotation.type(), Duration.parse(annotation.timeout()),
                Duration.parse(annotation.retryBackoff()), handler));
    }

    /** Registers a worker programmatically; a second worker for the same type is an error. */
    public synchronized void register(JobWorkerRegistration registration) {
        JobWorkerRegistration existing = workers.putIfAbsent(registration.type(), registration);
        if (existing != null && existing != registration) {
            throw new IllegalStateException("two workers for job type '" + registration.type() + "'");
        }
    }

    public synchronized Collection<JobWorkerRegistration> all() {
        return java.util.List.copyOf(workers.values());
    }

    public synchronized Set<String> types() {
        return Set.copyOf(workers.keySet());
    }

    public synchronized JobWorkerRegistration forType(String type) {
        return workers.get(type);
    }

    static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
