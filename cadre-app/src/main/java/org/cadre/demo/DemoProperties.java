package org.cadre.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which demo network an empty installation gets on start.
 *
 * @param load {@code small}, {@code demo}, {@code network}, {@code state}, or {@code none} ({@code CADRE_DEMO},
 *     default {@code demo})
 * @param seed the generator's seed ({@code CADRE_DEMO_SEED}, default 2026): the same seed gives the same network
 */
@ConfigurationProperties("cadre.demo")
record DemoProperties(String load, Long seed) {

    static final long DEFAULT_SEED = 2026;

    DemoProperties {
        if (load == null || load.isBlank()) {
            load = "none";
        }
        if (seed == null) {
            seed = DEFAULT_SEED;
        }
    }

    boolean enabled() {
        return !load.strip().equalsIgnoreCase("none");
    }
}
