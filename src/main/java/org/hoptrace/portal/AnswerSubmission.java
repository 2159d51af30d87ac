package org.hoptrace.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hoptrace.document.DocumentRejectedException;
import org.hoptrace.document.DocumentStore;
import org.hoptrace.document.Upload;
import org.hoptrace.portal.HopViews.AnswerView;
import org.hoptrace.traceback.AnswerRejectedException;
import org.hoptrace.traceback.AnsweringHop;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.HopEvidence;
import org.hoptrace.traceback.TracebackRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * An answer with its evidence files, from the API or the portal form: every field and every file is
 * checked before anything is stored, and all problems are reported together; then {@link AnsweringHop}
 * records the answer and stores the files in one transaction.
 */
@Component
class AnswerSubmission {

    private final AnsweringHop answering;
    private final DocumentStore documents;
    private final TracebackRepository tracebacks;
    private final HopEvidence evidence;

    AnswerSubmission(AnsweringHop answering, DocumentStore documents, TracebackRepository tracebacks, HopEvidence evidence) {
        this.answering = answering;
        this.documents = documents;
        this.tracebacks = tracebacks;
        this.evidence = evidence;
    }

    /**
     * @throws AnswerRejectedException   invalid fields or files (INVALID, by field; files under {@code evidence}),
     *                                   answered differently before (CONFLICT), traceback cancelled (HOP_CLOSED)
     * @throws DocumentRejectedException a file larger than the limit (TOO_LARGE)
     */
    AnsweringHop.Result submit(Hop hop, AnswerRequest request, List<MultipartFile> files, String channel, String answeredBy) {
        AnswerRequest.Parsed parsed = request.parse();
        Map<String, String> problems = new LinkedHashMap<>(parsed.problems());
        List<Upload> uploads = new ArrayList<>();
        List<String> fileProblems = new ArrayList<>();
        for (MultipartFile file : files) {
            if (noFileChosen(file)) {
                continue;
            }
            try {
                uploads.add(documents.inspect(file.getOriginalFilename(), file.getInputStream()));
            } catch (DocumentRejectedException rejected) {
                if (rejected.reason() == DocumentRejectedException.Reason.TOO_LARGE) {
                    throw rejected;
                }
                fileProblems.add(rejected.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!fileProblems.isEmpty()) {
            problems.put("evidence", String.join("; ", fileProblems));
        }
        if (!problems.isEmpty()) {
            throw new AnswerRejectedException(AnswerRejectedException.Reason.INVALID, "the answer is incomplete", problems);
        }
        return answering.answer(hop.id(), hop.providerId(), parsed.content(), uploads, channel, answeredBy);
    }

    /** The hop's recorded answer with its evidence, downloadable under {@code hrefBase + documentId}. */
    Optional<AnswerView> recorded(UUID hopId, String hrefBase) {
        return tracebacks.answer(hopId).map(answer -> AnswerView.of(answer, evidence.documents(hopId), hrefBase));
    }

    /** A browser sends a nameless empty part for a file input left empty. */
    private static boolean noFileChosen(MultipartFile file) {
        String name = file.getOriginalFilename();
        return file.isEmpty() && (name == null || name.isBlank());
    }
}
