/**
 * Owns student growth: assessment results and their imports, growth runs of a school year with every student's
 * growth percentile and what reproduces it, and the growth measures of teachers of record, campuses and the
 * network.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Growth",
        allowedDependencies = {"shared", "audit", "organization", "policy"})
package org.cadre.growth;
