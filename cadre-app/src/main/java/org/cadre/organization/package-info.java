/**
 * Owns the organisation of a school network: the network, regions and campuses; school years and terms;
 * staff with their yearly role assignments; students, courses, classes, enrollments and teachers of record.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Organization",
        allowedDependencies = {"shared", "audit"})
package org.cadre.organization;
