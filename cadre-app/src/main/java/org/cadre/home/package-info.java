/**
 * Owns each role's home page: what a district administrator, a campus administrator, an appraiser or a
 * teacher sees first after signing in.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Home",
        allowedDependencies = {"shared", "organization", "audit"})
package org.cadre.home;
