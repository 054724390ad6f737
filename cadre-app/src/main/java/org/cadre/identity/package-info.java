/**
 * Owns who may sign in and how: accounts with hashed passwords and their administration, OpenID Connect sign-in
 * matched by email, throttling of failed sign-ins, personal API tokens, and the security configuration that turns
 * a staff member's role assignments into what they may see.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"shared", "audit", "organization"})
package org.cadre.identity;
