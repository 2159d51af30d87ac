package org.hoptrace.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no datasource configured, Hoptrace runs its own PostgreSQL 17 in-process: a real server
 * whose data lives in {@code hoptrace.database.embedded.data-directory} (default {@code ./data/postgres})
 * and survives restarts. Setting {@code SPRING_DATASOURCE_URL} switches this off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceConfigured.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        // Spring stops the server after everything that uses it has stopped: no competing JVM hook.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", String.valueOf(properties.maxConnections()))
                .setServerConfig("fsync", properties.persistent() ? "on" : "off")
                .setServerConfig("synchronous_commit", properties.persistent() ? "on" : "off");
        if (properties.persistent()) {
            Path dataDirectory = properties.dataDirectory().toAbsolutePath();
            Files.createDirectories(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            log.info("Starting embedded PostgreSQL with data in {}", dataDirectory);
        } else {
            log.info("Starting a throw-away embedded PostgreSQL");
        }
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on port {}", postgres.getPort());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("hoptrace-embedded");
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(properties.poolSize());
        return dataSource;
    }
}
