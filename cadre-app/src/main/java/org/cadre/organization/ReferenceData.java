package org.cadre.organization;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The campus list and the current school year, which nearly every page reads and which change only when a roster
 * is imported, kept in memory instead of being read on every request.
 *
 * <p>What is kept is dropped whenever PostgreSQL reports a change: a trigger on campuses, regions and school years
 * notifies the channel {@value #CHANNEL} when a writing transaction commits, whoever wrote — the roster import,
 * the demo loader, a database administrator or another Cadre instance on the same database. A listener on its own
 * connection receives the notifications; while it is not listening (at start, after a lost connection) nothing is
 * kept. Writers in this process also call {@link #changed()} after they commit, so the very next request sees the
 * change without waiting for the notification.
 */
@Component
public class ReferenceData implements SmartLifecycle {

    static final String CHANNEL = "organization_reference_data";
    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(2);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AtomicLong generation = new AtomicLong();
    private volatile Kept kept;
    private volatile boolean listening;
    private volatile boolean running;
    private Thread listener;

    ReferenceData(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Every campus, by name. */
    List<Campus> campuses() {
        return kept().campuses();
    }

    /** Every campus's name, by id. */
    java.util.Map<Long, String> campusNames() {
        return kept().campusNames();
    }

    /** The year Cadre works in by default; empty before any roster is loaded. */
    Optional<SchoolYear> currentYear() {
        return kept().currentYear();
    }

    /** Drops what is kept; the next read goes to the database. */
    public void changed() {
        generation.incrementAndGet();
        kept = null;
    }

    private Kept kept() {
        var now = kept;
        if (now != null) {
            return now;
        }
        long seen = generation.get();
        var fresh = new Kept(readCampuses(), readCurrentYear());
        // Kept only if nothing changed while reading, and only while notifications can tell us about changes.
        if (listening && generation.get() == seen) {
            kept = fresh;
        }
        return fresh;
    }

    private List<Campus> readCampuses() {
        return jdbc.sql("""
                        select c.id, c.source_id, c.name, c.campus_number, c.level, c.region_id, r.name as region_name, c.active
                        from organization.campus c left join organization.region r on r.id = c.region_id
                        order by c.name
                        """).query(Rows.CAMPUS).list();
    }

    private Optional<SchoolYear> readCurrentYear() {
        return jdbc.sql("select id, source_id, name, begins_on, ends_on, is_current from organization.school_year"
                        + " where is_current")
                .query(Rows.SCHOOL_YEAR)
                .optional();
    }

    private record Kept(
            List<Campus> campuses, java.util.Map<Long, String> campusNames, Optional<SchoolYear> currentYear) {
        Kept(List<Campus> campuses, Optional<SchoolYear> currentYear) {
            this(
                    campuses,
                    campuses.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Campus::id, Campus::name)),
                    currentYear);
        }
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().name("reference-data-listener").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (var connection = dataSource.getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                var pg = connection.unwrap(PGConnection.class);
                changed();
                listening = true;
                while (running) {
                    var notifications = pg.getNotifications(500);
                    if (notifications != null && notifications.length > 0) {
                        changed();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Not listening for changes of campuses and school years; retrying: {}", e.getMessage());
                }
            } finally {
                listening = false;
                changed();
            }
            if (running) {
                try {
                    Thread.sleep(RECONNECT_AFTER);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
