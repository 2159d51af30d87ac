package org.hoptrace.legal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * An agency submits a legal request or answers a clarification question. Every document goes through
 * intake first ({@link IntakeInspector#inspect}); only when all fields and all documents are accepted is
 * anything stored, in one transaction with the audit entry, the start (or the message) of the process and
 * the notice. A refusal leaves nothing behind.
 */
@Service
class AgencyRequestSubmission {

    static final int MAX_ANSWER = 10_000;

    private final LegalRequestRepository requests;
    private final IntakeInspector intake;
    private final LegalAuditTrail audit;
    private final LegalRequestProcess process;
    private final LegalNotices notices;
    private final AgencyRequestAccess access;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AgencyRequestSubmission(LegalRequestRepository requests, IntakeInspector intake, LegalAuditTrail audit,
                            LegalRequestProcess process, LegalNotices notices, AgencyRequestAccess access,
                            TransactionTemplate transactions, Clock clock) {
        this.requests = requests;
        this.intake = intake;
        this.audit = audit;
        this.process = process;
        this.notices = notices;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @throws InvalidAgencyInputException                      a field breaks a rule, or no document is attached
     * @throws org.hoptrace.document.DocumentRejectedException a document is refused, naming the file
     */
    LegalRequest submit(AgencyPrincipal agent, AgencyRequestDraft draft, List<MultipartFile> files) {
        AgencyRequestDraft.Valid valid = draft.validate(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        List<MultipartFile> documents = present(files);
        if (documents.isEmpty()) {
            throw new InvalidAgencyInputException(Map.of("documents",
                    "attach the signed subpoena, CID, order or request (PDF)"));
        }
        List<Inspected> inspected = inspect(documents);
        return transactions.execute(status -> {
            LegalRequest request = requests.insert(agent.agencyId(), agent.userId(), valid.type(), valid.issuingAuthority(),
                    valid.caseNumber(), valid.returnDate(), valid.description(), valid.scope());
            inspected.forEach(document -> intake.attach(request.id(), "request", document, agent.email()));
            audit.record(request.id(), agent.email(), AuditEntry.ActorKind.AGENCY, "submitted",
                    request.reference() + " (" + request.type().code() + ") with " + inspected.size() + " document(s): "
                            + String.join(", ", inspected.stream().map(d -> d.upload().filename()).toList()));
            process.start(request.id());
            notices.changed(request.id(), "submitted", "We received your " + request.type().code().replace('-', ' ')
                    + " and gave it the reference " + request.reference() + ". A legal reviewer of the industry traceback "
                    + "group will look at it; you will get an email whenever its status changes.");
            return requests.find(request.id()).orElseThrow();
        });
    }

    /**
     * The answer to the open clarification question: text and optional documents.
     *
     * @throws LegalRequestNotFoundException not the agent's agency's request
     * @throws LegalRequestStateException    the request is closed or no question is open
     */
    LegalRequestRepository.Message answerClarification(AgencyPrincipal agent, UUID requestId, String text,
                                                        List<MultipartFile> files) {
        access.own(agent, requestId);
        String answer = text == null ? "" : text.strip();
        if (answer.isEmpty() || answer.length() > MAX_ANSWER) {
            throw new InvalidAgencyInputException(Map.of("text", "write the answer, at most " + MAX_ANSWER + " characters"));
        }
        List<Inspected> inspected = inspect(present(files));
        return transactions.execute(status -> {
            LegalRequest request = access.lockOwn(agent, requestId);
            if (!request.isOpen() || access.openQuestion(requestId).isEmpty()) {
                throw new LegalRequestStateException(request.reference() + " has no open clarification question");
            }
            LegalRequestRepository.Message message = requests.addMessage(requestId, "clarification-answer", "agency",
                    agent.email(), answer);
            inspected.forEach(document -> intake.attach(requestId, "clarification", document, agent.email()));
            audit.record(requestId, agent.email(), AuditEntry.ActorKind.AGENCY, "clarification-answered",
                    inspected.isEmpty() ? "answer without documents" : "answer with " + String.join(", ",
                            inspected.stream().map(d -> d.upload().filename()).toList()));
            process.clarificationAnswered(requestId);
            return message;
        });
    }

    private List<Inspected> inspect(List<MultipartFile> files) {
        List<Inspected> inspected = new ArrayList<>();
        for (MultipartFile file : files) {
            try (InputStream content = file.getInputStream()) {
                inspected.add(intake.inspect(file.getOriginalFilename(), content));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file.getOriginalFilename(), e);
            }
        }
        return inspected;
    }

    /** The files sent; a form's file field left empty comes as a part without a file name. */
    private static List<MultipartFile> present(List<MultipartFile> files) {
        return files == null ? List.of() : files.stream().filter(file -> file != null
                && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()).toList();
    }
}
