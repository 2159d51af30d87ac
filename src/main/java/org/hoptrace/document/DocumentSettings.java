package org.hoptrace.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hoptrace.documents.*}. See docs/configuration.md.
 *
 * @param maxSize the largest document accepted; a larger one is rejected (HTTP 413)
 */
@ConfigurationProperties("hoptrace.documents")
public record DocumentSettings(@DefaultValue("10MB") DataSize maxSize) {

    public DocumentSettings {
        if (maxSize.toBytes() < 1) {
            throw new IllegalArgumentException("hoptrace.documents.max-size must be positive, was " + maxSize);
        }
    }
}
