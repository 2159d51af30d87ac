package org.hoptrace.workflow;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Calls a {@link JobWorker} method: binds its parameters (the {@link ActivatedJob}, the variables
 * as a Map, or a variables type bound like JSON) and turns its return value into result variables.
 */
final class MethodJobHandler implements JobHandler {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Object bean;
    private final Method method;
    private final ObjectProvider<ObjectMapper> json;

    MethodJobHandler(Object bean, Method method, ObjectProvider<ObjectMapper> json) {
        this.bean = bean;
        this.method = method;
        this.json = json;
        method.setAccessible(true);
    }

    @Override
    public Map<String, Object> handle(ActivatedJob job) throws Exception {
        Class<?>[] types = method.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            arguments[i] = argument(types[i], job);
        }
        try {
            return result(method.invoke(bean, arguments));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Object argument(Class<?> type, ActivatedJob job) {
        if (type == ActivatedJob.class) {
            return job;
        }
        if (type == Map.class) {
            return job.variables();
        }
        return job.variablesAs(type);
    }

    private Map<String, Object> result(Object value) {
        if (value == null) {
            return Map.of();
        }
        return json.getObject().convertValue(value, MAP);
    }

    @Override
    public String toString() {
        return JobWorkerRegistry.describe(method);
    }
}
