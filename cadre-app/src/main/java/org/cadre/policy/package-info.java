/**
 * Owns the school year's policy: one versioned, validated document per school year, with a section per
 * capability (evaluation, growth, SLOs, micro-credentials, compensation). Adopted versions are immutable; a
 * change is a new version, and results record the version they were computed under.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Policy",
        allowedDependencies = {"shared", "audit", "organization"})
package org.cadre.policy;
