package org.cadre.organization.roster;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * Raises Spring's upload limit (1 MB by default) so that roster packages can be uploaded; as a property source
 * of lowest precedence, application.yml and the environment still decide. The import checks its own limit
 * ({@code cadre.roster.max-upload-bytes}).
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:org/cadre/organization/roster/roster-defaults.properties")
class RosterConfiguration {}
