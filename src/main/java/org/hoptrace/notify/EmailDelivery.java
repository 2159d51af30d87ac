package org.hoptrace.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends an outbox email through SMTP. The Message-ID is derived from the idempotency key, so a
 * retried send (e.g. after a timeout the server had in fact accepted) is recognisably the same message.
 */
@Component
class EmailDelivery {

    private final JavaMailSender mail;
    private final String from;

    EmailDelivery(JavaMailSender mail, OutboxSettings settings) {
        this.mail = mail;
        this.from = settings.mailFrom();
    }

    void send(OutboxMessage message) throws DeliveryFailedException {
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper email = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            email.setFrom(from);
            email.setTo(InternetAddress.parse(message.recipient()));
            email.setSubject(message.subject());
            email.setText(message.body());
            // JavaMailSenderImpl keeps a Message-ID that is set before sending
            mime.setHeader("Message-ID", messageId(message.idempotencyKey()));
            mail.send(mime);
        } catch (MessagingException e) {
            throw new DeliveryFailedException("not a valid email: " + e.getMessage(), true, e);
        } catch (MailException e) {
            throw new DeliveryFailedException("SMTP: " + e.getMessage(), false, e);
        }
    }

    /** {@code <sha256hex(idempotency key)@hoptrace>} */
    static String messageId(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash) + "@hoptrace>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
