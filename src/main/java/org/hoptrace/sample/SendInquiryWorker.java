package org.hoptrace.sample;

import java.time.Instant;

import org.hoptrace.workflow.ActivatedJob;
import org.hoptrace.workflow.JobWorker;
import org.hoptrace.workflow.WorkflowEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Worker of the sample process {@code sample-provider-inquiry}: records that the inquiry went out.
 * (Real provider requests go through the outbox; see the traceback process.)
 */
@Component
class SendInquiryWorker {

    private static final Logger log = LoggerFactory.getLogger(SendInquiryWorker.class);

    private final WorkflowEngine engine;

    SendInquiryWorker(WorkflowEngine engine) {
        this.engine = engine;
    }

    record Inquiry(String inquiryId, String providerName) {
    }

    record Sent(Instant inquirySentAt) {
    }

    @JobWorker(type = "sample-send-inquiry")
    Sent send(Inquiry inquiry, ActivatedJob job) {
        if (inquiry.inquiryId() == null || inquiry.inquiryId().isBlank()) {
            throw new IllegalArgumentException("the sample inquiry needs an inquiryId variable");
        }
        log.info("Inquiry {} sent to {} by {}", inquiry.inquiryId(), inquiry.providerName(),
                job.customHeaders().getOrDefault("channel", "email"));
        return new Sent(engine.clock().now());
    }
}
