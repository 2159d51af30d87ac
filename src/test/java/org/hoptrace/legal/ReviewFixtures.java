package org.hoptrace.legal;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.hoptrace.agency.Agency;
import org.hoptrace.agency.AgencyFixtures;
import org.hoptrace.workflow.UserTask;
import org.hoptrace.workflow.UserTaskQuery;
import org.hoptrace.workflow.WorkflowEngine;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Legal requests for the process tests, inserted with plain SQL as the agency portal would store them
 * (agency user, request, a PDF made here, 'submitted' audit entry, process start, in one transaction),
 * and helpers to complete the human tasks as a given user and to wait for the process.
 */
@Component
class ReviewFixtures {

    /** What a test request asks for; defaults give a complete FCC subpoena due in 20 days. */
    record Ask(Agency.Type agencyType, String type, String caseNumber, Integer returnInDays, List<String> numbers,
               List<String> campaigns, List<String> tracebacks, boolean withDocument) {

        static Ask subpoena() {
            return new Ask(Agency.Type.FCC, "subpoena", "EB-TCD-26-0001", 20, List.of("+12025550143"), List.of(),
                    List.of(), true);
        }

        Ask type(Agency.Type agency, String requestType) {
            return new Ask(agency, requestType, caseNumber, returnInDays, numbers, campaigns, tracebacks, withDocument);
        }

        Ask caseNumber(String number) {
            return new Ask(agencyType, type, number, returnInDays, numbers, campaigns, tracebacks, withDocument);
        }

        Ask returnInDays(Integer days) {
            return new Ask(agencyType, type, caseNumber, days, numbers, campaigns, tracebacks, withDocument);
        }

        Ask scope(List<String> numbers, List<String> campaigns, List<String> tracebacks) {
            return new Ask(agencyType, type, caseNumber, returnInDays, numbers, campaigns, tracebacks, withDocument);
        }

        Ask withoutDocument() {
            return new Ask(agencyType, type, caseNumber, returnInDays, numbers, campaigns, tracebacks, false);
        }
    }

    private final AgencyFixtures agencies;
    private final IntakeInspector intake;
    private final LegalAuditTrail audit;
    private final LegalRequestProcess process;
    private final ReviewCases cases;
    private final WorkflowEngine engine;
    // Operaton's services: the embedded engine's; absent when a test context runs on Camunda 8
    private final ObjectProvider<TaskService> tasks;
    private final ObjectProvider<IdentityService> identities;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<GreenMail> smtp;

    ReviewFixtures(AgencyFixtures agencies, IntakeInspector intake, LegalAuditTrail audit, LegalRequestProcess process,
                   ReviewCases cases, WorkflowEngine engine, ObjectProvider<TaskService> tasks,
                   ObjectProvider<IdentityService> identities,
                   JdbcTemplate jdbc, TransactionTemplate transactions, ObjectProvider<GreenMail> smtp) {
        this.agencies = agencies;
        this.intake = intake;
        this.audit = audit;
        this.process = process;
        this.cases = cases;
        this.engine = engine;
        this.tasks = tasks;
        this.identities = identities;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.smtp = smtp;
    }

    /** Submits a request as the portal would, and starts its process. */
    ReviewCase submit(Ask ask) {
        Agency agency = agencies.agency(AgencyFixtures.name("Review test agency"), ask.agencyType(),
                Set.of(Agency.Type.FCC, Agency.Type.FTC, Agency.Type.DOJ).contains(ask.agencyType()) ? Set.of() : Set.of("IL"), Set.of());
        String email = "investigator@" + agency.verifiedDomains().get(0);
        UUID id = transactions.execute(status -> {
            Timestamp now = Timestamp.from(engine.clock().now());
            UUID user = jdbc.queryForObject("""
                    insert into agency_user (agency_id, email, full_name, status, invited_by, invited_at, activated_at)
                    values (?, ?, 'Test Investigator', 'active', 'staff', ?, ?) returning agency_user_id""", UUID.class,
                    agency.id(), email, now, now);
            LocalDate returnDate = ask.returnInDays() == null ? null
                    : LocalDate.ofInstant(engine.clock().now(), ZoneOffset.UTC).plusDays(ask.returnInDays());
            UUID request = jdbc.queryForObject("""
                    insert into legal_request (reference, agency_id, submitted_by, request_type, issuing_authority, case_number,
                                               return_date, scope_numbers, scope_campaigns, scope_tracebacks, status, step,
                                               submitted_at, updated_at)
                    values ('LR-' || extract(year from ?::timestamptz) || '-' || lpad(nextval('legal_request_reference_seq')::text, 6, '0'),
                            ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 'intake', ?, ?) returning legal_request_id""", UUID.class,
                    now, agency.id(), user, ask.type(), agency.name(), ask.caseNumber(), returnDate,
                    ask.numbers().toArray(String[]::new), ask.campaigns().toArray(String[]::new),
                    ask.tracebacks().toArray(String[]::new), now, now);
            if (ask.withDocument()) {
                intake.attach(request, "request", intake.inspect("subpoena.pdf",
                        new ByteArrayInputStream(pdf("SUBPOENA DUCES TECUM Case No. " + ask.caseNumber()))), email);
            }
            audit.record(request, email, AuditEntry.ActorKind.AGENCY, "submitted", ask.type());
            process.start(request);
            return request;
        });
        return cases.get(id);
    }

    ReviewCase current(ReviewCase c) {
        return cases.get(c.id());
    }

    /** Waits until the request has reached {@code step}. */
    ReviewCase atStep(ReviewCase c, String step) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> cases.get(c.id()), r -> step.equals(r.step()));
    }

    ReviewCase closed(ReviewCase c) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> cases.get(c.id()), r -> !r.isOpen());
    }

    /** Waits for the open user task of the request at {@code elementId}. */
    UserTask task(ReviewCase c, String elementId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> openTasks(c).stream()
                .filter(t -> t.elementId().equals(elementId)).findFirst().orElse(null), t -> t != null);
    }

    List<UserTask> openTasks(ReviewCase c) {
        return engine.openUserTasks(UserTaskQuery.forProcessInstance(cases.get(c.id()).processInstanceKey()));
    }

    /** Completes the task as {@code user} (the authenticated user of the engine call, as in Tasklist). */
    void complete(UserTask task, String user, Map<String, Object> variables) {
        identities.getObject().setAuthenticatedUserId(user);
        try {
            tasks.getObject().complete(task.taskKey(), variables);
        } finally {
            identities.getObject().clearAuthentication();
        }
    }

    Map<String, Object> variables(UserTask task) {
        return tasks.getObject().getVariables(task.taskKey());
    }

    /** Waits until the process waits for the clarification answer (its subscription and timer exist). */
    void waitingForAnswer(ReviewCase c) {
        atStep(c, "clarification");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from act_ru_event_subscr where event_name_ = ?", Integer.class,
                LegalRequestProcess.CLARIFICATION_ANSWERED + "::" + c.id()) == 1);
    }

    void processEnded(ReviewCase c) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !processRunning(c));
    }

    boolean processRunning(ReviewCase c) {
        return jdbc.queryForObject("select count(*) from act_ru_execution where proc_inst_id_ = ?", Integer.class,
                cases.get(c.id()).processInstanceKey()) > 0;
    }

    List<String> actions(ReviewCase c) {
        return audit.entries(c.id()).stream().map(AuditEntry::action).toList();
    }

    List<MimeMessage> emailsAbout(ReviewCase c) {
        return Arrays.stream(smtp.getObject().getReceivedMessages()).filter(m -> subject(m).contains(c.reference())).toList();
    }

    MimeMessage email(ReviewCase c, String subjectPart) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> emailsAbout(c).stream()
                .filter(m -> subject(m).contains(subjectPart)).findFirst().orElse(null), m -> m != null);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] pdf(String text) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
