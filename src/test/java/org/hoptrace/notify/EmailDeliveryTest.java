package org.hoptrace.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Outbox emails, delivered by the relay to a real SMTP server (GreenMail). */
@HoptraceTest
class EmailDeliveryTest {

    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired GreenMail smtp;
    @Autowired OutboxSettings settings;

    OutboxFixtures fixtures;
    String domain;

    @BeforeEach
    void setUp() {
        fixtures = new OutboxFixtures(outbox, transactions, jdbc);
        domain = UUID.randomUUID() + ".example";
    }

    @AfterEach
    void purge() {
        fixtures.purge();
    }

    @Test
    void anEmailArrivesWithItsRecipientsSubjectBodyAndAMessageIdDerivedFromItsKey() throws Exception {
        String key = fixtures.key("email");
        List<String> to = List.of("noc@" + domain, "legal@" + domain);
        String text = "Dear Zoë,\n\nplease answer hop 2 of TB-2026-000042 by 2026-11-21T15:10:05Z.";

        assertThat(fixtures.email(key, to, "Traceback request TB-2026-000042, hop 2", text)).isTrue();

        List<MimeMessage> received = receivedBy(domain, 2);
        for (MimeMessage message : received) {
            assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                    .containsExactlyElementsOf(to);
            assertThat(message.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(settings.mailFrom());
            assertThat(message.getSubject()).isEqualTo("Traceback request TB-2026-000042, hop 2");
            assertThat(((String) message.getContent()).replace("\r\n", "\n")).isEqualTo(text);
            assertThat(message.getMessageID()).isEqualTo(EmailDelivery.messageId(key)).matches("<[0-9a-f]{64}@hoptrace>");
        }
        OutboxFixtures.Row row = fixtures.row(key);
        assertThat(row.status()).isEqualTo("sent");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();
    }

    @Test
    void enqueueingTheSameKeyTwiceSendsOneEmail() throws Exception {
        String key = fixtures.key("twice");
        List<String> to = List.of("noc@" + domain);

        assertThat(fixtures.email(key, to, "Reminder: traceback request", "first")).isTrue();
        assertThat(fixtures.email(key, to, "Reminder: traceback request", "second")).isFalse();

        List<MimeMessage> received = receivedBy(domain, 1);
        assertThat(((String) received.get(0).getContent()).strip()).isEqualTo("first");
        assertThat(fixtures.rows(key)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.row(key).status().equals("sent"));
        assertThat(smtp.getReceivedMessagesForDomain(domain)).hasSize(1);
    }

    @Test
    void theMessageIdIsTheSha256OfTheIdempotencyKey() {
        assertThat(EmailDelivery.messageId("abc"))
                .isEqualTo("<ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad@hoptrace>");
    }

    private List<MimeMessage> receivedBy(String domain, int copies) {
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> List.of(smtp.getReceivedMessagesForDomain(domain)), messages -> messages.size() >= copies);
    }
}
