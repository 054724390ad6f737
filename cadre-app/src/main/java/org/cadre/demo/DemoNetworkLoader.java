package org.cadre.demo;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;
import javax.sql.DataSource;
import org.cadre.audit.AuditTrail;
import org.cadre.demo.NetworkRecords.ClassSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the configured demo network when Cadre starts on an empty organisation (no network yet), after Flyway
 * has built the schema. The whole load is one transaction: it is there completely or not at all. The demo
 * accounts get the one password {@link DemoAccounts#PASSWORD}, hashed once; every other staff member signs in
 * through OpenID Connect, which creates their account on first sign-in, so they get none here.
 */
@Component
class DemoNetworkLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoNetworkLoader.class);

    private final DemoProperties properties;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final PasswordEncoder passwords;
    private final AuditTrail auditTrail;

    DemoNetworkLoader(
            DemoProperties properties,
            JdbcClient jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            PasswordEncoder passwords,
            AuditTrail auditTrail) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.passwords = passwords;
        this.auditTrail = auditTrail;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled()) {
            load(NetworkSize.of(properties.load()), properties.seed());
        }
    }

    /** Loads the network of this size and seed, unless there is a network already; then it loads nothing. */
    Optional<NetworkTally> load(NetworkSize size, long seed) {
        return transaction.execute(status -> {
            jdbc.sql("lock table organization.network in share row exclusive mode")
                    .update();
            boolean present = jdbc.sql("select exists (select 1 from organization.network)")
                    .query(Boolean.class)
                    .single();
            if (present) {
                log.info("The organisation already has a network; the demo network '{}' is not loaded", size.label());
                return Optional.empty();
            }
            return Optional.of(copy(size, seed));
        });
    }

    private NetworkTally copy(NetworkSize size, long seed) {
        long started = System.nanoTime();
        log.info("Loading the demo network '{}' (seed {})", size.label(), seed);
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            var rows = new OrganizationCopy(connection, jdbc);
            var tally = new NetworkTally();
            new DemoNetworkGenerator(size, seed).generate(rows.andThen(tally).andThen(new Progress(size, started)));
            rows.finish();
            createDemoAccounts(rows);
            var summary = "Demo network '" + size.label() + "' loaded: " + tally + " (seed " + seed + ")";
            var state = new LinkedHashMap<String, Object>();
            state.put("size", size.label());
            state.put("seed", seed);
            state.putAll(tally.asMap());
            auditTrail.created("DemoNetwork", DemoNetworkGenerator.NETWORK_SOURCE_ID, null, summary, state);
            log.info("{} in {}", summary, elapsed(started));
            return tally;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the demo network: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void createDemoAccounts(OrganizationCopy rows) {
        var hash = passwords.encode(DemoAccounts.PASSWORD);
        for (var account : DemoAccounts.ALL) {
            jdbc.sql("""
                            insert into identity.account (email, display_name, password_hash, staff_id)
                            values (?, ?, ?, ?)
                            on conflict ((lower(email))) do nothing
                            """)
                    .params(
                            account.email(),
                            account.displayName(),
                            hash,
                            rows.demoStaffIds().get(account.email()))
                    .update();
        }
    }

    private static String elapsed(long started) {
        var duration = Duration.ofNanos(System.nanoTime() - started);
        return String.format("%d.%01d s", duration.toSeconds(), duration.toMillisPart() / 100);
    }

    /** Logs how far a load of many campuses has got, about every tenth of the campuses. */
    private static final class Progress implements NetworkSink {

        private final NetworkSize size;
        private final long started;
        private final int step;
        private int campus;

        Progress(NetworkSize size, long started) {
            this.size = size;
            this.started = started;
            this.step = Math.max(1, size.campuses() / 10);
        }

        @Override
        public void classSection(ClassSection section) {
            int ordinal = section.campus().ordinal();
            if (ordinal != campus) {
                campus = ordinal;
                if (size.campuses() >= 50 && ordinal % step == 0) {
                    log.info(
                            "Demo network '{}': campus {} of {} after {}",
                            size.label(),
                            ordinal,
                            size.campuses(),
                            elapsed(started));
                }
            }
        }
    }
}
