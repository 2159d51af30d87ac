package org.hoptrace.workflow.embedded;

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.operaton.bpm.engine.impl.variable.serializer.AbstractObjectValueSerializer;

/**
 * Stores map and list variables as JSON, so process variables stay JSON-compatible as in
 * Camunda 8 (and readable in Cockpit) instead of Java-serialized objects.
 */
class JsonVariableSerializer extends AbstractObjectValueSerializer {

    static final String FORMAT = "application/json";

    private final ObjectMapper json;

    JsonVariableSerializer(ObjectMapper json) {
        super(FORMAT);
        this.json = json;
    }

    @Override
    public String getName() {
        return "hoptrace-json";
    }

    @Override
    protected boolean canSerializeValue(Object value) {
        return value instanceof Map<?, ?> || value instanceof Collection<?>;
    }

    @Override
    protected String getTypeNameForDeserialized(Object deserializedObject) {
        return deserializedObject instanceof Map<?, ?> ? Map.class.getName() : Collection.class.getName();
    }

    @Override
    protected byte[] serializeToByteArray(Object deserializedObject) throws Exception {
        return json.writeValueAsBytes(deserializedObject);
    }

    @Override
    protected Object deserializeFromByteArray(byte[] object, String objectTypeName) throws Exception {
        return json.readValue(object, Object.class);
    }

    @Override
    protected boolean isSerializationTextBased() {
        return true;
    }
}
