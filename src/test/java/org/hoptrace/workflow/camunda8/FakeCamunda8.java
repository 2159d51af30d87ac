package org.hoptrace.workflow.camunda8;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake Camunda 8 orchestration cluster: the REST API {@code /v2} as camunda-client-java 8.9 calls it
 * (paths, bodies, status codes and problem details as the real gateway answers), with the engine's
 * part played in memory: deployments with versions, process instances, buffered messages with ids,
 * jobs with activation, timeouts, retries, back-off and incidents, user tasks, decisions, and a
 * controllable clock. Tests add faults (401, 503, dropped connections) per route, and read every
 * request the client made.
 */
final class FakeCamunda8 implements AutoCloseable {

    enum Fault { UNAUTHORIZED, UNAVAILABLE, DROP_BEFORE, DROP_AFTER }

    record Request(String method, String path, String contentType, String body, String authorization) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    enum JobState { ACTIVATABLE, ACTIVATED, COMPLETED, FAILED, ERROR_THROWN, CANCELED }

    static final class Job {
        final long key;
        final String type;
        final long processInstanceKey;
        final String processId;
        final String elementId;
        final Map<String, Object> variables;
        final Map<String, String> headers;
        volatile int retries;
        volatile JobState state = JobState.ACTIVATABLE;
        volatile Instant retryAt = Instant.MIN;
        volatile Instant deadline;
        volatile int activations;
        volatile int completions;
        volatile Map<String, Object> result;
        volatile String errorCode;
        volatile String errorMessage;
        volatile long retryBackoff;

        Job(long key, String type, long processInstanceKey, String processId, String elementId,
            Map<String, Object> variables, Map<String, String> headers, int retries) {
            this.key = key;
            this.type = type;
            this.processInstanceKey = processInstanceKey;
            this.processId = processId;
            this.elementId = elementId;
            this.variables = variables;
            this.headers = headers;
            this.retries = retries;
        }
    }

    record Deployed(String kind, String id, int version, long key, String resourceName, String content) {
    }

    record Instance(long key, String processId, int version, Map<String, Object> variables, boolean[] active) {
    }

    record Message(long key, String name, String correlationKey, long timeToLive, String messageId,
                   Map<String, Object> variables, Instant published) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Pattern JOB_PATH = Pattern.compile("/v2/jobs/(\\d+)/(completion|failure|error)");
    private static final Pattern CANCEL_PATH = Pattern.compile("/v2/process-instances/(\\d+)/cancellation");
    private static final Pattern BPMN_PROCESS = Pattern.compile("<(?:\\w+:)?process\\s[^>]*?id=\"([^\"]+)\"");
    private static final Pattern DMN_DECISION = Pattern.compile("<(?:\\w+:)?decision\\s[^>]*?id=\"([^\"]+)\"");
    private static final Pattern DMN_DEFINITIONS = Pattern.compile("<(?:\\w+:)?definitions\\s[^>]*?id=\"([^\"]+)\"");

    private final HttpServer server;
    private final AtomicLong keys = new AtomicLong(2251799813685248L);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final List<Deployed> deployed = new ArrayList<>();
    private final Map<Long, Instance> instances = new LinkedHashMap<>();
    private final List<Message> messages = new ArrayList<>();
    private final Map<Long, Job> jobs = new LinkedHashMap<>();
    private final List<Map<String, Object>> incidents = new ArrayList<>();
    private final List<Map<String, Object>> userTasks = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> decisionRules = new HashMap<>();
    private volatile String requiredAuthorization;
    private volatile Instant pinned;
    private volatile boolean clockControllable = true;

    FakeCamunda8() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::serve);
        server.start();
    }

    URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // --- what tests set up and read ---------------------------------------------------------------

    /** Every request must carry these basic credentials, else 401 (as a cluster with basic auth). */
    void requireBasicAuth(String user, String password) {
        requiredAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    void clockControllable(boolean controllable) {
        clockControllable = controllable;
    }

    /** The next {@code times} requests to {@code route} (e.g. "POST /v2/jobs/activation" or "POST /v2/jobs/*&#47;completion") meet the fault. */
    synchronized void fault(String route, Fault fault, int times) {
        Deque<Fault> queue = faults.computeIfAbsent(route, r -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String method, String pathPattern) {
        Pattern pattern = Pattern.compile(pathPattern);
        return requests.stream().filter(r -> r.method().equals(method) && pattern.matcher(r.path()).matches()).toList();
    }

    /** The engine's part: a process instance reached a service task, so a job is waiting. */
    synchronized Job createJob(long processInstanceKey, String type, Map<String, Object> variables, int retries) {
        return createJob(processInstanceKey, type, variables, Map.of(), retries);
    }

    synchronized Job createJob(long processInstanceKey, String type, Map<String, Object> variables,
                               Map<String, String> headers, int retries) {
        return createJob(processInstanceKey, type + "-task", type, variables, headers, retries);
    }

    /** As the engine does at the model's service task {@code elementId}. */
    synchronized Job createJob(long processInstanceKey, String elementId, String type, Map<String, Object> variables,
                               Map<String, String> headers, int retries) {
        Instance instance = instances.get(processInstanceKey);
        String processId = instance == null ? "process" : instance.processId();
        Job job = new Job(keys.incrementAndGet(), type, processInstanceKey, processId, elementId,
                new LinkedHashMap<>(variables), headers, retries);
        jobs.put(job.key, job);
        return job;
    }

    synchronized Job job(long key) {
        return jobs.get(key);
    }

    synchronized Instance instance(long key) {
        return instances.get(key);
    }

    synchronized List<Deployed> deployed() {
        return List.copyOf(deployed);
    }

    synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    synchronized void addUserTask(Map<String, Object> task) {
        userTasks.add(new LinkedHashMap<>(task));
    }

    /** What evaluating a deployed decision returns: one map (output name to value) per matched rule. */
    synchronized void decisionRules(String decisionId, List<Map<String, Object>> rules) {
        decisionRules.put(decisionId, rules);
    }

    synchronized Instant now() {
        return pinned != null ? pinned : Instant.now();
    }

    // --- the REST API -------------------------------------------------------------------------------

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Request request = new Request(method, path, exchange.getRequestHeaders().getFirst("Content-Type"), body,
                    exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(request);
            Fault fault = nextFault(method, path);
            if (fault == Fault.DROP_BEFORE) {
                return; // closed without an answer: the connection drops
            }
            if (fault == Fault.UNAUTHORIZED || (requiredAuthorization != null
                    && !requiredAuthorization.equals(request.authorization()))) {
                problem(exchange, 401, "Unauthorized", "The request is not authenticated");
                return;
            }
            if (fault == Fault.UNAVAILABLE) {
                problem(exchange, 503, "RESOURCE_EXHAUSTED", "Expected to handle REST API request, but the gateway is unavailable");
                return;
            }
            Answer answer;
            synchronized (this) {
                answer = route(request);
            }
            if (fault == Fault.DROP_AFTER) {
                return; // the command took effect, but the answer is lost
            }
            answer.send(exchange);
        } catch (RuntimeException bug) {
            bug.printStackTrace();
            problem(exchange, 500, "INTERNAL", String.valueOf(bug));
        }
    }

    private synchronized Fault nextFault(String method, String path) {
        for (Map.Entry<String, Deque<Fault>> entry : faults.entrySet()) {
            String[] route = entry.getKey().split(" ", 2);
            String regex = Arrays.stream(route[1].split("\\*", -1)).map(Pattern::quote)
                    .reduce((a, b) -> a + "[^/]+" + b).orElse("");
            if (route[0].equals(method) && path.matches(regex) && !entry.getValue().isEmpty()) {
                return entry.getValue().poll();
            }
        }
        return null;
    }

    private Answer route(Request request) {
        String route = request.method() + " " + request.path();
        Matcher job = JOB_PATH.matcher(request.path());
        Matcher cancel = CANCEL_PATH.matcher(request.path());
        if (route.equals("GET /v2/topology")) {
            return topology();
        } else if (route.equals("POST /v2/deployments")) {
            return deploy(request);
        } else if (route.equals("POST /v2/process-instances")) {
            return createInstance(request.json());
        } else if (request.method().equals("POST") && cancel.matches()) {
            return cancel(Long.parseLong(cancel.group(1)));
        } else if (route.equals("POST /v2/messages/publication")) {
            return publish(request.json());
        } else if (route.equals("POST /v2/jobs/activation")) {
            return activate(request.json());
        } else if (request.method().equals("POST") && job.matches()) {
            return jobOutcome(Long.parseLong(job.group(1)), job.group(2), request.json());
        } else if (route.equals("POST /v2/user-tasks/search")) {
            return searchUserTasks(request.json());
        } else if (route.equals("POST /v2/incidents/search")) {
            return searchIncidents(request.json());
        } else if (route.equals("POST /v2/decision-definitions/evaluation")) {
            return evaluate(request.json());
        } else if (route.equals("PUT /v2/clock")) {
            return pinClock(request.json());
        } else if (route.equals("POST /v2/clock/reset")) {
            pinned = null;
            return Answer.noContent();
        }
        return Answer.problem(404, "NOT_FOUND", "No endpoint " + route);
    }

    private Answer topology() {
        return Answer.ok(Map.of("brokers", List.of(Map.of("nodeId", 0, "host", "fake-broker", "port", 26501,
                        "partitions", List.of(Map.of("partitionId", 1, "role", "leader", "health", "healthy")),
                        "version", "8.9.0")),
                "clusterSize", 1, "partitionsCount", 1, "replicationFactor", 1, "gatewayVersion", "8.9.0",
                "lastCompletedChangeId", "-1"));
    }

    private Answer deploy(Request request) {
        if (request.contentType() == null || !request.contentType().startsWith("multipart/form-data")) {
            return Answer.problem(400, "INVALID_ARGUMENT", "Expected multipart/form-data");
        }
        Map<String, String> resources = Multipart.files(request.contentType(), request.body(), "resources");
        if (resources.isEmpty()) {
            return Answer.problem(400, "INVALID_ARGUMENT", "No resources given.");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, String> resource : resources.entrySet()) {
            String name = resource.getKey();
            String content = resource.getValue();
            if (name.endsWith(".bpmn")) {
                Matcher m = BPMN_PROCESS.matcher(content);
                if (!m.find()) {
                    return Answer.problem(400, "INVALID_ARGUMENT", "'" + name + "': no process found");
                }
                do {
                    Deployed d = register("process", m.group(1), name, content);
                    out.add(Map.of("processDefinition", Map.of("processDefinitionId", d.id(),
                            "processDefinitionVersion", d.version(), "resourceName", name, "tenantId", "<default>",
                            "processDefinitionKey", Long.toString(d.key()))));
                } while (m.find());
            } else if (name.endsWith(".dmn")) {
                Matcher defs = DMN_DEFINITIONS.matcher(content);
                String drgId = defs.find() ? defs.group(1) : name;
                Deployed drg = register("decisionRequirements", drgId, name, content);
                out.add(Map.of("decisionRequirements", Map.of("decisionRequirementsId", drgId,
                        "version", drg.version(), "resourceName", name, "tenantId", "<default>",
                        "decisionRequirementsKey", Long.toString(drg.key()), "decisionRequirementsName", drgId)));
                Matcher m = DMN_DECISION.matcher(content);
                while (m.find()) {
                    Deployed d = register("decision", m.group(1), name, content);
                    out.add(Map.of("decisionDefinition", Map.of("decisionDefinitionId", d.id(), "version", d.version(),
                            "name", d.id(), "tenantId", "<default>", "decisionRequirementsId", drgId,
                            "decisionDefinitionKey", Long.toString(d.key()),
                            "decisionRequirementsKey", Long.toString(drg.key()))));
                }
            } else if (name.endsWith(".form")) {
                String formId;
                try {
                    formId = JSON.readTree(content).path("id").asText(null);
                } catch (IOException e) {
                    return Answer.problem(400, "INVALID_ARGUMENT", "'" + name + "': not JSON");
                }
                if (formId == null) {
                    return Answer.problem(400, "INVALID_ARGUMENT", "'" + name + "': a form needs an id");
                }
                Deployed d = register("form", formId, name, content);
                out.add(Map.of("form", Map.of("formId", formId, "version", d.version(), "resourceName", name,
                        "tenantId", "<default>", "formKey", Long.toString(d.key()))));
            } else {
                return Answer.problem(400, "INVALID_ARGUMENT", "Expected to deploy new resources, but encountered"
                        + " the following errors:\n'" + name + "': unsupported resource type");
            }
        }
        return Answer.ok(Map.of("deploymentKey", Long.toString(keys.incrementAndGet()), "tenantId", "<default>",
                "deployments", out));
    }

    /** As Zeebe: an unchanged resource keeps its version and key, a changed one becomes the next version. */
    private Deployed register(String kind, String id, String resourceName, String content) {
        Deployed latest = latest(kind, id);
        if (latest != null && latest.content().equals(content)) {
            return latest;
        }
        Deployed d = new Deployed(kind, id, latest == null ? 1 : latest.version() + 1, keys.incrementAndGet(),
                resourceName, content);
        deployed.add(d);
        return d;
    }

    private Deployed latest(String kind, String id) {
        return deployed.stream().filter(d -> d.kind().equals(kind) && d.id().equals(id))
                .max(Comparator.comparingInt(Deployed::version)).orElse(null);
    }

    private Answer createInstance(JsonNode body) {
        String processId = body.path("processDefinitionId").asText(null);
        Deployed process = processId == null ? null : latest("process", processId);
        if (process == null) {
            return Answer.problem(404, "NOT_FOUND", "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find"
                    + " process definition with process ID '" + processId + "', but none found");
        }
        Map<String, Object> variables = body.has("variables") ? JSON.convertValue(body.get("variables"), MAP) : Map.of();
        Instance instance = new Instance(keys.incrementAndGet(), processId, process.version(), variables,
                new boolean[] {true});
        instances.put(instance.key(), instance);
        return Answer.ok(Map.of("processDefinitionId", processId, "processDefinitionVersion", process.version(),
                "tenantId", "<default>", "variables", Map.of(), "processDefinitionKey", Long.toString(process.key()),
                "processInstanceKey", Long.toString(instance.key()), "tags", List.of()));
    }

    private Answer cancel(long key) {
        Instance instance = instances.get(key);
        if (instance == null || !instance.active()[0]) {
            return Answer.problem(404, "NOT_FOUND", "Command 'CANCEL' rejected with code 'NOT_FOUND': Expected to cancel"
                    + " a process instance with key '" + key + "', but no such process was found");
        }
        instance.active()[0] = false;
        jobs.values().stream().filter(j -> j.processInstanceKey == key && j.state != JobState.COMPLETED)
                .forEach(j -> j.state = JobState.CANCELED);
        return Answer.noContent();
    }

    private Answer publish(JsonNode body) {
        String name = body.path("name").asText(null);
        if (name == null) {
            return Answer.problem(400, "INVALID_ARGUMENT", "No name provided.");
        }
        String correlationKey = body.path("correlationKey").asText("");
        long ttl = body.path("timeToLive").asLong(0);
        String messageId = body.hasNonNull("messageId") ? body.get("messageId").asText() : null;
        Instant now = now();
        if (messageId != null && messages.stream().anyMatch(m -> messageId.equals(m.messageId()) && m.name().equals(name)
                && m.correlationKey().equals(correlationKey) && !m.published().plusMillis(m.timeToLive()).isBefore(now))) {
            return Answer.problem(409, "ALREADY_EXISTS", "Command 'PUBLISH' rejected with code 'ALREADY_EXISTS':"
                    + " Expected to publish a new message with id '" + messageId + "', but a message with that id was"
                    + " already published");
        }
        Map<String, Object> variables = body.has("variables") ? JSON.convertValue(body.get("variables"), MAP) : Map.of();
        Message message = new Message(keys.incrementAndGet(), name, correlationKey, ttl, messageId, variables, now);
        messages.add(message);
        return Answer.ok(Map.of("messageKey", Long.toString(message.key()), "tenantId", "<default>"));
    }

    private Answer activate(JsonNode body) {
        String type = body.path("type").asText(null);
        if (type == null || !body.has("timeout") || !body.has("maxJobsToActivate")) {
            return Answer.problem(400, "INVALID_ARGUMENT", "type, timeout and maxJobsToActivate are required");
        }
        long timeout = body.get("timeout").asLong();
        int max = body.get("maxJobsToActivate").asInt();
        String worker = body.path("worker").asText("");
        Instant now = now();
        List<Map<String, Object>> activated = new ArrayList<>();
        for (Job job : jobs.values()) {
            if (activated.size() >= max) {
                break;
            }
            boolean timedOut = job.state == JobState.ACTIVATED && job.deadline.isBefore(now);
            boolean due = job.state == JobState.ACTIVATABLE && !job.retryAt.isAfter(now) && job.retries > 0;
            if (!job.type.equals(type) || !(due || timedOut)) {
                continue;
            }
            job.state = JobState.ACTIVATED;
            job.deadline = now.plusMillis(timeout);
            job.activations++;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", job.type);
            out.put("processDefinitionId", job.processId);
            out.put("processDefinitionVersion", 1);
            out.put("elementId", job.elementId);
            out.put("customHeaders", job.headers);
            out.put("worker", worker);
            out.put("retries", job.retries);
            out.put("deadline", job.deadline.toEpochMilli());
            out.put("variables", job.variables);
            out.put("tenantId", "<default>");
            out.put("jobKey", Long.toString(job.key));
            out.put("processInstanceKey", Long.toString(job.processInstanceKey));
            out.put("processDefinitionKey", "1");
            out.put("elementInstanceKey", Long.toString(job.key - 1));
            out.put("kind", "BPMN_ELEMENT");
            out.put("listenerEventType", "UNSPECIFIED");
            out.put("tags", List.of());
            activated.add(out);
        }
        return Answer.ok(Map.of("jobs", activated));
    }

    private Answer jobOutcome(long key, String outcome, JsonNode body) {
        Job job = jobs.get(key);
        String command = switch (outcome) {
            case "completion" -> "COMPLETE";
            case "failure" -> "FAIL";
            default -> "THROW_ERROR";
        };
        if (job == null || job.state == JobState.COMPLETED || job.state == JobState.CANCELED
                || job.state == JobState.ERROR_THROWN) {
            return Answer.problem(404, "NOT_FOUND", "Command '" + command + "' rejected with code 'NOT_FOUND': Expected"
                    + " to " + command.toLowerCase() + " job with key '" + key + "', but no such job was found");
        }
        if (job.state != JobState.ACTIVATED) {
            return Answer.problem(409, "INVALID_STATE", "Command '" + command + "' rejected with code 'INVALID_STATE':"
                    + " Expected job with key '" + key + "' to be activated, but it is in state '" + job.state + "'");
        }
        Map<String, Object> variables = body.hasNonNull("variables") ? JSON.convertValue(body.get("variables"), MAP) : Map.of();
        switch (outcome) {
            case "completion" -> {
                job.state = JobState.COMPLETED;
                job.completions++;
                job.result = variables;
            }
            case "failure" -> {
                job.retries = body.path("retries").asInt(0);
                job.errorMessage = body.path("errorMessage").asText(null);
                job.retryBackoff = body.path("retryBackOff").asLong(0);
                job.retryAt = now().plusMillis(job.retryBackoff);
                if (job.retries > 0) {
                    job.state = JobState.ACTIVATABLE;
                } else {
                    job.state = JobState.FAILED;
                    raiseIncident(job);
                }
            }
            default -> {
                job.state = JobState.ERROR_THROWN;
                job.errorCode = body.path("errorCode").asText(null);
                job.errorMessage = body.path("errorMessage").asText(null);
                job.result = variables;
            }
        }
        return Answer.noContent();
    }

    private void raiseIncident(Job job) {
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("processDefinitionId", job.processId);
        incident.put("errorType", "JOB_NO_RETRIES");
        incident.put("errorMessage", job.errorMessage);
        incident.put("elementId", job.elementId);
        incident.put("creationTime", now().toString());
        incident.put("state", "ACTIVE");
        incident.put("tenantId", "<default>");
        incident.put("incidentKey", Long.toString(keys.incrementAndGet()));
        incident.put("processDefinitionKey", "1");
        incident.put("processInstanceKey", Long.toString(job.processInstanceKey));
        incident.put("elementInstanceKey", Long.toString(job.key - 1));
        incident.put("jobKey", Long.toString(job.key));
        incidents.add(incident);
    }

    private Answer searchUserTasks(JsonNode body) {
        JsonNode filter = body.path("filter");
        List<Map<String, Object>> items = userTasks.stream()
                .filter(t -> matches(filter, "state", t.get("state")))
                .filter(t -> matches(filter, "processInstanceKey", t.get("processInstanceKey")))
                .filter(t -> matches(filter, "assignee", t.get("assignee")))
                .filter(t -> filterValue(filter, "candidateGroup") == null
                        || ((List<?>) t.getOrDefault("candidateGroups", List.of())).contains(filterValue(filter, "candidateGroup")))
                .sorted(sorter(body, "creationDate"))
                .limit(body.path("page").path("limit").asInt(100))
                .toList();
        return page(items);
    }

    private Answer searchIncidents(JsonNode body) {
        JsonNode filter = body.path("filter");
        List<Map<String, Object>> items = incidents.stream()
                .filter(i -> matches(filter, "state", i.get("state")))
                .sorted(sorter(body, "creationTime"))
                .limit(body.path("page").path("limit").asInt(100))
                .toList();
        return page(items);
    }

    /** A filter field as the REST API takes it: a plain value, or an operator object ($eq, $in, $neq, $exists). */
    private static boolean matches(JsonNode filter, String field, Object value) {
        if (!filter.has(field) || filter.get(field).isNull()) {
            return true;
        }
        JsonNode condition = filter.get(field);
        String actual = value == null ? null : String.valueOf(value);
        if (!condition.isObject()) {
            return condition.asText().equals(actual);
        }
        boolean ok = true;
        if (condition.has("$eq")) {
            ok &= condition.get("$eq").asText().equals(actual);
        }
        if (condition.has("$neq")) {
            ok &= !condition.get("$neq").asText().equals(actual);
        }
        if (condition.has("$exists")) {
            ok &= condition.get("$exists").asBoolean() == (actual != null);
        }
        if (condition.has("$in") && !condition.get("$in").isEmpty()) {
            boolean in = false;
            for (JsonNode option : condition.get("$in")) {
                in |= option.asText().equals(actual);
            }
            ok &= in;
        }
        return ok;
    }

    /** The value a filter field asks for: plain, or its $eq. */
    static String filterValue(JsonNode filter, String field) {
        JsonNode condition = filter.path(field);
        return condition.isObject() ? condition.path("$eq").asText(null) : condition.asText(null);
    }

    private static Comparator<Map<String, Object>> sorter(JsonNode body, String field) {
        Comparator<Map<String, Object>> byField = Comparator.comparing(m -> String.valueOf(m.get(field)));
        for (JsonNode sort : body.path("sort")) {
            if (sort.path("field").asText().equals(field) && sort.path("order").asText().equalsIgnoreCase("desc")) {
                return byField.reversed();
            }
        }
        return byField;
    }

    private static Answer page(List<Map<String, Object>> items) {
        return Answer.ok(Map.of("items", items, "page", Map.of("totalItems", items.size(), "hasMoreTotalItems", false)));
    }

    private Answer evaluate(JsonNode body) {
        String decisionId = body.path("decisionDefinitionId").asText(null);
        Deployed decision = decisionId == null ? null : latest("decision", decisionId);
        if (decision == null) {
            return Answer.problem(404, "NOT_FOUND", "Command 'EVALUATE' rejected with code 'NOT_FOUND': Expected to"
                    + " evaluate decision '" + decisionId + "', but no decision found for id '" + decisionId + "'");
        }
        List<Map<String, Object>> rules = decisionRules.getOrDefault(decisionId, List.of());
        List<Map<String, Object>> matched = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            int index = i + 1;
            List<Map<String, Object>> outputs = new ArrayList<>();
            rules.get(i).forEach((name, value) -> outputs.add(Map.of("outputId", "Output_" + name, "outputName", name,
                    "outputValue", json(value), "ruleId", "Rule_" + index, "ruleIndex", index)));
            matched.add(Map.of("ruleId", "Rule_" + index, "ruleIndex", index, "evaluatedOutputs", outputs));
        }
        Map<String, Object> evaluated = new LinkedHashMap<>();
        evaluated.put("decisionDefinitionId", decisionId);
        evaluated.put("decisionDefinitionName", decisionId);
        evaluated.put("decisionDefinitionVersion", decision.version());
        evaluated.put("decisionDefinitionType", "DECISION_TABLE");
        evaluated.put("output", json(rules));
        evaluated.put("tenantId", "<default>");
        evaluated.put("matchedRules", matched);
        evaluated.put("evaluatedInputs", List.of());
        evaluated.put("decisionDefinitionKey", Long.toString(decision.key()));
        evaluated.put("decisionEvaluationInstanceKey", keys.incrementAndGet() + "-1");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("decisionDefinitionId", decisionId);
        result.put("decisionDefinitionKey", Long.toString(decision.key()));
        result.put("decisionDefinitionName", decisionId);
        result.put("decisionDefinitionVersion", decision.version());
        result.put("decisionEvaluationKey", Long.toString(keys.incrementAndGet()));
        result.put("decisionInstanceKey", Long.toString(keys.get()));
        result.put("decisionRequirementsId", decisionId);
        result.put("decisionRequirementsKey", "1");
        result.put("evaluatedDecisions", List.of(evaluated));
        result.put("output", json(rules));
        result.put("failedDecisionDefinitionId", "");
        result.put("failureMessage", "");
        result.put("tenantId", "<default>");
        return Answer.ok(result);
    }

    private Answer pinClock(JsonNode body) {
        if (!clockControllable) {
            return Answer.problem(403, "FORBIDDEN", "The clock is not controllable (zeebe.clock.controlled is false)");
        }
        pinned = Instant.ofEpochMilli(body.path("timestamp").asLong());
        return Answer.noContent();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Answer.problem(status, title, detail).send(exchange);
    }

    /** An HTTP answer: a JSON body or none. */
    private record Answer(int status, String contentType, String body) {

        static Answer ok(Object body) {
            return new Answer(200, "application/json", json(body));
        }

        static Answer noContent() {
            return new Answer(204, null, null);
        }

        static Answer problem(int status, String title, String detail) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", title);
            problem.put("status", status);
            problem.put("detail", detail);
            problem.put("instance", "/v2");
            return new Answer(status, "application/problem+json", json(problem));
        }

        void send(HttpExchange exchange) throws IOException {
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Just enough multipart/form-data to read the uploaded files of one field. */
    static final class Multipart {

        private static final Pattern FILENAME = Pattern.compile("name=\"([^\"]*)\"; filename=\"([^\"]*)\"");

        static Map<String, String> files(String contentType, String body, String field) {
            String boundary = Objects.requireNonNull(contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1"));
            Map<String, String> files = new LinkedHashMap<>();
            for (String part : body.split("--" + Pattern.quote(boundary))) {
                int split = part.indexOf("\r\n\r\n");
                if (split < 0) {
                    continue;
                }
                Matcher header = FILENAME.matcher(part.substring(0, split));
                if (header.find() && header.group(1).equals(field)) {
                    String content = part.substring(split + 4);
                    if (content.endsWith("\r\n")) {
                        content = content.substring(0, content.length() - 2);
                    }
                    files.put(header.group(2), content);
                }
            }
            return files;
        }
    }

    static Duration millis(long ms) {
        return Duration.ofMillis(ms);
    }
}
