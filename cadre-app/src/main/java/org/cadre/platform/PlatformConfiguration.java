package org.cadre.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every capability shares. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** The one clock of the application, so that rules about time can be tested at a chosen instant. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
