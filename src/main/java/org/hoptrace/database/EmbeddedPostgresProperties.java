package org.hoptrace.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL.
 *
 * @param persistent     keep data between starts (false: a throw-away instance, as tests use)
 * @param dataDirectory  where the data lives when persistent
 * @param port           fixed port, or 0 for any free port
 * @param poolSize       connections Hoptrace opens
 * @param maxConnections the server's connection limit
 */
@ConfigurationProperties("hoptrace.database.embedded")
record EmbeddedPostgresProperties(@DefaultValue("true") boolean persistent,
                                  @DefaultValue("./data/postgres") Path dataDirectory,
                                  @DefaultValue("0") int port,
                                  @DefaultValue("20") int poolSize,
                                  @DefaultValue("100") int maxConnections) {
}
