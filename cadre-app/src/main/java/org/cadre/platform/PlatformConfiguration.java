package org.cadre.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Beans every capability shares. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /**
     * Switches off the rewriting of every link in every page through the resource chain. Cadre uses no
     * fingerprinted URLs, and the rewriting searched the class path for each link of each page (a quarter of a
     * page's time in the platform benchmark). Version-free WebJar paths still resolve when they are requested.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlRewriting() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /** The one clock of the application, so that rules about time can be tested at a chosen instant. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
