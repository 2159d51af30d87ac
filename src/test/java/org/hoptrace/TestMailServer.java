package org.hoptrace;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real SMTP server (GreenMail) on a free port for the test context; {@code spring.mail.*} points
 * at it, so the outbox relay delivers every email there. Tests find their messages by recipient.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServer {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail greenMail() {
        return new GreenMail(new ServerSetup(0, "localhost", ServerSetup.PROTOCOL_SMTP));
    }

    @Bean
    DynamicPropertyRegistrar mailServerProperties(GreenMail greenMail) {
        return properties -> {
            properties.add("spring.mail.host", () -> "localhost");
            properties.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
        };
    }
}
