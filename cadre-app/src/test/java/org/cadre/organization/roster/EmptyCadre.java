package org.cadre.organization.roster;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Cadre that holds nothing, for the tests of a first import: the shared test database holds the demo network, so
 * this is a database of its own on the same embedded PostgreSQL server, migrated with the application's own Flyway
 * settings, and dropped on {@link #close}.
 */
final class EmptyCadre implements AutoCloseable {

    private final JdbcClient server;
    private final String database;
    private final HikariDataSource dataSource;

    /**
     * @param shared the test's own database, whose server holds the new one
     * @param name the new database's name
     */
    EmptyCadre(DataSource shared, Environment environment, String name) {
        this.server = JdbcClient.create(shared);
        this.database = name;
        server.sql("create database " + name).update();
        var pool = (HikariDataSource) shared;
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(pool.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        dataSource.setUsername(pool.getUsername());
        dataSource.setPassword(pool.getPassword());
        dataSource.setMaximumPoolSize(2);
        var binder = Binder.get(environment);
        Flyway.configure()
                .dataSource(dataSource)
                .locations(binder.bind("spring.flyway.locations", Bindable.of(String[].class))
                        .get())
                .schemas(binder.bind("spring.flyway.schemas", Bindable.of(String[].class))
                        .get())
                .createSchemas(true)
                .defaultSchema(binder.bind("spring.flyway.default-schema", String.class)
                        .get())
                .load()
                .migrate();
    }

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Imports a package (a zip or a folder) into this Cadre with the import's passes ({@link RosterImports#load}, as
     * every import runs them) in one transaction, lets {@code inside} look at the roster before it ends, and commits
     * it only when {@code commit} and the package had no error.
     */
    ImportReport importPackage(Path path, boolean commit, Consumer<JdbcClient> inside) {
        var report = new ImportReport(1000);
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(tx -> {
            try (var pack = RosterPackage.open(path, Long.MAX_VALUE, report)) {
                var copy = DataSourceUtils.getConnection(dataSource)
                        .unwrap(PGConnection.class)
                        .getCopyAPI();
                var jdbc = JdbcClient.create(dataSource);
                RosterImports.load(jdbc, copy, pack, report, LocalDate.now(), RosterImports.Progress.NONE);
                inside.accept(jdbc);
            } catch (IOException | SQLException e) {
                throw new IllegalStateException(e);
            }
            if (!commit || report.hasErrors()) {
                tx.setRollbackOnly();
            }
        });
        return report;
    }

    @Override
    public void close() {
        dataSource.close();
        server.sql("drop database if exists " + database + " with (force)").update();
    }
}
