package org.cadre.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives Cadre its PostgreSQL. An external server when {@code cadre.database.url} is set; otherwise a real
 * PostgreSQL started from Maven-supplied binaries on a persistent data directory, stopped when the context
 * exits, when the last pool using it closes (Ctrl-C or SIGTERM close the application context first).
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
        var server = EmbeddedServers.acquire(properties);
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        return new EmbeddedServerDataSource(config, properties);
    }

    /**
     * A pool on the embedded server that gives the server back when it closes. The server stops after the last
     * application context using it has closed, so nothing is left waiting for a database that is already gone
     * while Spring shuts down (Ctrl-C, SIGTERM, the end of a test run).
     */
    static final class EmbeddedServerDataSource extends HikariDataSource {

        private final CadreDatabaseProperties properties;

        EmbeddedServerDataSource(HikariConfig config, CadreDatabaseProperties properties) {
            super(config);
            this.properties = properties;
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                EmbeddedServers.release(properties);
            }
        }
    }

    /**
     * One embedded server per data directory and JVM, so that several application contexts (as in a test suite)
     * share it; it stops when the last of them closes.
     */
    static final class EmbeddedServers {

        private static final Map<Path, EmbeddedPostgres> running = new HashMap<>();
        private static final Map<Path, Integer> users = new HashMap<>();

        static synchronized EmbeddedPostgres acquire(CadreDatabaseProperties properties) {
            var dir = properties.dataDir().toAbsolutePath().normalize();
            var server = running.computeIfAbsent(dir, d -> launch(d, properties));
            users.merge(dir, 1, Integer::sum);
            return server;
        }

        static synchronized void release(CadreDatabaseProperties properties) {
            var dir = properties.dataDir().toAbsolutePath().normalize();
            if (users.merge(dir, -1, Integer::sum) > 0) {
                return;
            }
            users.remove(dir);
            var server = running.remove(dir);
            if (server != null) {
                try {
                    server.close();
                    log.info("Stopped embedded PostgreSQL with data in {}", dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private static EmbeddedPostgres launch(Path dir, CadreDatabaseProperties properties) {
            try {
                Files.createDirectories(dir);
                log.info("Starting embedded PostgreSQL with data in {}", dir);
                return EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(properties.embeddedClean())
                        // Stopped by the last pool that closes, after Spring has finished with it (see above).
                        .setRegisterShutdownHook(false)
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
