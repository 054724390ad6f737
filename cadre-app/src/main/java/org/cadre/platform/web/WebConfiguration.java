package org.cadre.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The web server's own settings that every page and API call shares. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final PageShell shell;

    WebConfiguration(PageShell shell) {
        this.shell = shell;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(shell);
    }

    /** Admission comes first, before security and sessions, so that a waiting request costs nothing yet. */
    @Bean
    FilterRegistrationBean<RequestAdmission> requestAdmission(WebProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new RequestAdmission(properties.concurrentRequests(), properties.admissionWait()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
