package org.hoptrace.traceback;

import org.hoptrace.HoptraceTest;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.workflow.WorkflowEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link TracebackScenario} on the embedded engine: Operaton runs bpmn/traceback.bpmn and its
 * decisions for real; the engine's part needs no help. Its twin on Camunda 8 is
 * {@code org.hoptrace.workflow.camunda8.TracebackScenarioCamunda8Test}.
 */
@HoptraceTest
class TracebackScenarioEmbeddedTest extends TracebackScenario {

    @LocalServerPort int port;
    @Autowired TracebackService service;
    @Autowired TracebackFixtures fixtures;
    @Autowired TracebackRepository tracebacks;
    @Autowired ProviderRepository providers;
    @Autowired JdbcTemplate jdbc;
    @Autowired WorkflowEngine engine;

    @Override
    protected TracebackService service() {
        return service;
    }

    @Override
    protected TracebackFixtures fixtures() {
        return fixtures;
    }

    @Override
    protected TracebackRepository tracebacks() {
        return tracebacks;
    }

    @Override
    protected ProviderRepository providers() {
        return providers;
    }

    @Override
    protected JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    protected WorkflowEngine engine() {
        return engine;
    }

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected EnginePart enginePart() {
        return REAL_ENGINE;
    }
}
