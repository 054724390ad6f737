package org.cadre.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Cadre keeps its data. With no {@code url}, Cadre starts an embedded PostgreSQL whose data directory is
 * {@code dataDir}, so a restart finds everything as it was left.
 *
 * @param url JDBC URL of an external PostgreSQL ({@code CADRE_DATABASE_URL}); blank means embedded
 * @param user user for the external server ({@code CADRE_DATABASE_USER})
 * @param password password for the external server ({@code CADRE_DATABASE_PASSWORD})
 * @param dataDir data directory of the embedded server ({@code CADRE_DATA_DIR}, default {@code ./data})
 * @param embeddedPort port of the embedded server, 0 for any free port
 * @param poolSize maximum connections in the pool
 * @param embeddedClean start the embedded server on an emptied data directory (tests only)
 */
@ConfigurationProperties("cadre.database")
public record CadreDatabaseProperties(
        String url, String user, String password, Path dataDir, int embeddedPort, int poolSize, boolean embeddedClean) {

    public CadreDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (poolSize <= 0) {
            poolSize = 20;
        }
    }

    boolean external() {
        return url != null && !url.isBlank();
    }
}
