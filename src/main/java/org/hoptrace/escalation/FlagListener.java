package org.hoptrace.escalation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes the flag intake. PostgreSQL notifies channel {@code provider_flag} when a transaction that
 * inserted a flag commits (trigger in V7__escalation.sql), whoever inserted it; this thread listens on
 * one connection of its own and hands new flags to {@link FlagIntake} at once. Every
 * {@code hoptrace.escalation.sweep-interval} it also sweeps: flags whose notification was missed
 * (the service was down, the connection was lost) and providers cured without a hop-answered event.
 */
@Component
class FlagListener implements SmartLifecycle {

    static final String CHANNEL = "provider_flag";
    private static final int WAIT_MILLIS = 500;
    private static final Logger log = LoggerFactory.getLogger(FlagListener.class);

    private final DataSource dataSource;
    private final FlagIntake intake;
    private final CuringProvider curing;
    private final EscalationSettings settings;
    private final Object pause = new Object();
    private volatile boolean running;
    private volatile Thread thread;

    FlagListener(DataSource dataSource, FlagIntake intake, CuringProvider curing, EscalationSettings settings) {
        this.dataSource = dataSource;
        this.intake = intake;
        this.curing = curing;
        this.settings = settings;
    }

    @Override
    public void start() {
        if (!settings.intake()) {
            log.info("Flag intake is off (hoptrace.escalation.intake=false): flags wait, nothing escalates");
            return;
        }
        running = true;
        thread = new Thread(this::run, "escalation-intake");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread listening = thread;
        if (listening != null) {
            synchronized (pause) {
                pause.notifyAll();
            }
            try {
                listening.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                listen(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException failure) {
                if (running) {
                    log.warn("Flag intake lost its database connection ({}); sweeping again in {}", failure.toString(),
                            settings.sweepInterval());
                    waitBeforeRetry();
                }
            }
        }
    }

    private void listen(PGConnection connection) throws SQLException {
        long nextSweep = 0;
        while (running) {
            if (System.nanoTime() - nextSweep >= 0) {
                sweep();
                nextSweep = System.nanoTime() + settings.sweepInterval().toNanos();
            }
            PGNotification[] notifications = connection.getNotifications(WAIT_MILLIS);
            if (running && notifications != null && notifications.length > 0) {
                intake.handleAll();
            }
        }
    }

    private void sweep() {
        int flags = intake.handleAll();
        int cured = curing.sweep();
        if (flags > 0 || cured > 0) {
            log.info("Escalation sweep: {} flags handled, {} providers cured", flags, cured);
        }
    }

    private void waitBeforeRetry() {
        synchronized (pause) {
            try {
                pause.wait(settings.sweepInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
