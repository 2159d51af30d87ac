package org.hoptrace.traceback;

import java.util.List;
import java.util.UUID;

/**
 * The evidence files a provider attached to its answer to a hop (PDFs, CSVs of call records), as the
 * traceback's page and API list them. The document feature provides an implementation as a bean;
 * until one exists, hops have no evidence. All beans of this type are asked, in their order.
 */
@FunctionalInterface
public interface HopEvidence {

    /** Evidence of the hop's answer; empty when there is none. */
    List<Document> documents(UUID hopId);

    /**
     * @param href where staff download the file (a console or API path)
     */
    record Document(UUID id, String fileName, String mediaType, long sizeBytes, String sha256, String href) {
    }
}
