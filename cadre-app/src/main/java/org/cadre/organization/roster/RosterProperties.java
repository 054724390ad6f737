package org.cadre.organization.roster;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits and places of roster imports.
 *
 * @param maxPackageBytes the most a package may hold once unpacked; reading stops with an error past it
 * @param maxUploadBytes the most an upload may weigh (the zip or the CSV files together)
 * @param maxIssues how many errors and warnings a report keeps in detail (all are counted)
 * @param workDir where uploads wait for their import; deleted when it ends. Default: the system's temp folder
 */
@ConfigurationProperties("cadre.roster")
public record RosterProperties(Long maxPackageBytes, Long maxUploadBytes, Integer maxIssues, Path workDir) {

    public RosterProperties {
        if (maxPackageBytes == null || maxPackageBytes <= 0) {
            maxPackageBytes = 8L * 1024 * 1024 * 1024;
        }
        if (maxUploadBytes == null || maxUploadBytes <= 0) {
            maxUploadBytes = 1024L * 1024 * 1024;
        }
        if (maxIssues == null || maxIssues <= 0) {
            maxIssues = 10_000;
        }
        if (workDir == null) {
            workDir = Path.of(System.getProperty("java.io.tmpdir"), "cadre-roster");
        }
    }
}
