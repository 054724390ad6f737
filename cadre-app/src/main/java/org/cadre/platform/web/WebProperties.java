package org.cadre.platform.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests Cadre works on at once ({@link RequestAdmission}).
 *
 * @param concurrentRequests requests admitted at once ({@code CADRE_CONCURRENT_REQUESTS}); 0 means two per core
 * @param admissionWait how long a request may wait to be admitted before it is answered 503
 */
@ConfigurationProperties("cadre.web")
record WebProperties(int concurrentRequests, Duration admissionWait) {

    WebProperties {
        if (concurrentRequests <= 0) {
            concurrentRequests = 2 * Runtime.getRuntime().availableProcessors();
        }
        if (admissionWait == null) {
            admissionWait = Duration.ofSeconds(30);
        }
    }
}
