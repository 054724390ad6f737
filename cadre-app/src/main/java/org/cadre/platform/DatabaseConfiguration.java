package org.cadre.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives Cadre its PostgreSQL. An external server when {@code cadre.database.url} is set; otherwise a real
 * PostgreSQL started from Maven-supplied binaries on a persistent data directory, stopped when the context
 * exits, by the embedded server's own shutdown hook (Ctrl-C or SIGTERM).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DataSource dataSource(CadreDatabaseProperties properties) {
        var config = new HikariConfig();
        config.setMaximumPoolSize(properties.poolSize());
        config.setPoolName("cadre");
        if (properties.external()) {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
            log.info("Using external PostgreSQL at {}", properties.url());
            return new HikariDataSource(config);
        }
        var server = EmbeddedServers.start(properties);
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        return new HikariDataSource(config);
    }

    /**
     * One embedded server per data directory and JVM, so that several application contexts (as in a test suite)
     * share it. The server's own shutdown hook stops it when the JVM exits.
     */
    static final class EmbeddedServers {

        private static final Map<Path, EmbeddedPostgres> running = new ConcurrentHashMap<>();

        static EmbeddedPostgres start(CadreDatabaseProperties properties) {
            var dir = properties.dataDir().toAbsolutePath().normalize();
            return running.computeIfAbsent(dir, d -> launch(d, properties));
        }

        private static EmbeddedPostgres launch(Path dir, CadreDatabaseProperties properties) {
            try {
                Files.createDirectories(dir);
                log.info("Starting embedded PostgreSQL with data in {}", dir);
                return EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(properties.embeddedClean())
                        .setPort(properties.embeddedPort())
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("fsync", "on")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
            }
        }

        private EmbeddedServers() {}
    }
}
