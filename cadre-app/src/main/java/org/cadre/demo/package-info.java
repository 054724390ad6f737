/**
 * Owns the demo network: a deterministic generator of a whole school network (campuses, school years, staff
 * with their roles, students, courses, classes and enrollments) in four sizes, its loading into an empty
 * installation with one demo account per role, and its export as a OneRoster 1.2 CSV package.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo network",
        allowedDependencies = {"shared", "organization", "identity", "audit"})
package org.cadre.demo;
