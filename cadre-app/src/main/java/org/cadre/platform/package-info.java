/**
 * Owns what every capability runs on: the PostgreSQL database (embedded or external), the web shell and
 * the mapping of domain errors to problem responses and friendly pages.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {"shared"})
package org.cadre.platform;
