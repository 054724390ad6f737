package org.cadre.growth;

import java.util.ArrayList;
import org.cadre.CadreApplication;
import org.cadre.organization.SchoolYears;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * Growth from the command line, without the web server, on the configured database:
 *
 * <pre>
 * scores [--seed 2026]    deterministic demo scores for the loaded network (3 years, Math and Reading/ELA)
 * run                     a growth run of the current school year, now, timed
 * </pre>
 *
 * Run it from the built jar through Spring Boot's {@code PropertiesLauncher} (docs/growth.md has the command);
 * any {@code --property=value} is passed to Cadre.
 */
public final class GrowthCommand {

    public static void main(String[] args) {
        if (args.length == 0 || !java.util.List.of("scores", "run").contains(args[0])) {
            System.err.println(
                    "usage: scores [--seed N] [--spring.property=value ...]\n       run [--spring.property=value ...]");
            System.exit(2);
        }
        long seed = 2026;
        var springArgs = new ArrayList<String>();
        springArgs.add("--cadre.demo.load=none");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--seed") && i + 1 < args.length) {
                seed = Long.parseLong(args[++i]);
            } else {
                springArgs.add(args[i]);
            }
        }
        var application = new SpringApplication(CadreApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (var context = application.run(springArgs.toArray(String[]::new))) {
            long started = System.nanoTime();
            if (args[0].equals("scores")) {
                long added = context.getBean(DemoScores.class).generate(seed);
                System.out.printf(
                        "Added %,d demo scores (seed %d) in %.1f s%n",
                        added, seed, (System.nanoTime() - started) / 1e9);
            } else {
                var year = context.getBean(SchoolYears.class)
                        .current()
                        .orElseThrow(() -> new IllegalStateException("No current school year"));
                var run = context.getBean(GrowthRuns.class).runNow(null, year.id());
                System.out.printf(
                        "Growth run %d of %s: %s, %,d scores, %,d percentiles, %d cohorts in %.1f s%n%s%n",
                        run.id(),
                        year.name(),
                        run.status(),
                        run.scores(),
                        run.percentiles(),
                        run.cohortsTotal(),
                        (System.nanoTime() - started) / 1e9,
                        run.message());
            }
        }
    }

    private GrowthCommand() {}
}
