package org.cadre;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Cadre: one human-capital system for a school network. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CadreApplication {

    public static void main(String[] args) {
        SpringApplication.run(CadreApplication.class, args);
    }
}
