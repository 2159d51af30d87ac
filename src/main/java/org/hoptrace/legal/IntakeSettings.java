package org.hoptrace.legal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hoptrace.legal.*}: the limits of the intake of legal request documents. See docs/legal-intake.md.
 *
 * @param maxDocumentSize    the largest document accepted
 * @param maxExpandedSize    the most an archive-based document (DOCX) may expand to, all its entries together
 * @param maxExpansionRatio  the most one entry of an archive may expand, relative to its compressed size, once
 *                           it is larger than a megabyte
 * @param maxArchiveEntries  the most entries an archive-based document may have
 * @param maxTextCharacters  the most characters of text kept from one document; the rest is cut off
 * @param extractionTimeout  how long reading the text of one document may take
 * @param maxEmbeddedDepth   how deep documents embedded in documents are read (0: not at all)
 */
@ConfigurationProperties("hoptrace.legal")
public record IntakeSettings(@DefaultValue("25MB") DataSize maxDocumentSize,
                             @DefaultValue("200MB") DataSize maxExpandedSize,
                             @DefaultValue("100") int maxExpansionRatio,
                             @DefaultValue("5000") int maxArchiveEntries,
                             @DefaultValue("1000000") int maxTextCharacters,
                             @DefaultValue("PT60S") Duration extractionTimeout,
                             @DefaultValue("2") int maxEmbeddedDepth) {

    public IntakeSettings {
        positive("max-document-size", maxDocumentSize.toBytes());
        positive("max-expanded-size", maxExpandedSize.toBytes());
        positive("max-expansion-ratio", maxExpansionRatio);
        positive("max-archive-entries", maxArchiveEntries);
        positive("max-text-characters", maxTextCharacters);
        positive("extraction-timeout", extractionTimeout.toMillis());
        if (maxEmbeddedDepth < 0) {
            throw new IllegalArgumentException("hoptrace.legal.max-embedded-depth must not be negative, was " + maxEmbeddedDepth);
        }
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("hoptrace.legal." + name + " must be positive, was " + value);
        }
    }
}
