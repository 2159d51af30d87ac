package org.hoptrace;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring test configuration of Hoptrace: the whole service on a random port with a
 * throw-away embedded PostgreSQL, a real SMTP server ({@link TestMailServer}), metrics on (so
 * /actuator/prometheus exists). Every test class using it shares a single application context, so
 * add nothing else to a test's configuration.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestMailServer.class)
public @interface HoptraceTest {
}
