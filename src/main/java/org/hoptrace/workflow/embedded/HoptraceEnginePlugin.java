package org.hoptrace.workflow.embedded;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.variable.serializer.TypedValueSerializer;

/**
 * Adapts the embedded Operaton engine to Camunda 8 semantics: JSON variables, and the parse
 * listener that tells Hoptrace's runtime when job work or message subscriptions appear.
 */
class HoptraceEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectMapper json;
    private final BpmnParseListener parseListener;

    HoptraceEnginePlugin(ObjectMapper json, BpmnParseListener parseListener) {
        this.json = json;
        this.parseListener = parseListener;
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
        listeners.add(parseListener);
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
