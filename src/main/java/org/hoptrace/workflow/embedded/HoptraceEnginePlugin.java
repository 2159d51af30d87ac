package org.hoptrace.workflow.embedded;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.variable.serializer.TypedValueSerializer;

/**
 * Adapts the embedded Operaton engine to Camunda 8 semantics: JSON variables, the parse listener that
 * tells Hoptrace's runtime when job work or message subscriptions appear, and the one that lets
 * {@link org.hoptrace.workflow.UserTaskCompletionListener}s check user task completions.
 */
class HoptraceEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectMapper json;
    private final List<BpmnParseListener> parseListeners;

    HoptraceEnginePlugin(ObjectMapper json, List<BpmnParseListener> parseListeners) {
        this.json = json;
        this.parseListeners = List.copyOf(parseListeners);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<TypedValueSerializer> serializers = new ArrayList<>();
        if (configuration.getCustomPreVariableSerializers() != null) {
            serializers.addAll(configuration.getCustomPreVariableSerializers());
        }
        serializers.add(new JsonVariableSerializer(json));
        configuration.setCustomPreVariableSerializers(serializers);
        configuration.setDefaultSerializationFormat(JsonVariableSerializer.FORMAT);

        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.addAll(parseListeners);
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
