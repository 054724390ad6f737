package org.cadre.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cadre.CadreApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * The demo network from the command line, without the web server:
 *
 * <pre>
 * roster --size network [--seed 2026] --out target/network-roster   (a OneRoster 1.2 CSV package; .zip for a zip)
 * load --size network [--seed 2026] [--cadre.database.url=...]       (into the configured database, if empty)
 * </pre>
 *
 * Run it from the built jar through Spring Boot's {@code PropertiesLauncher}; docs/demo-network.md has the exact
 * command.
 */
public final class DemoCommand {

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || !List.of("roster", "load").contains(args[0])) {
            usage("");
            return;
        }
        String size = null;
        long seed = DemoProperties.DEFAULT_SEED;
        Path out = null;
        var springArgs = new ArrayList<String>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = value(args, ++i);
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                default -> springArgs.add(args[i]);
            }
        }
        if (size == null) {
            usage("--size is missing");
            return;
        }
        var networkSize = NetworkSize.of(size);
        long started = System.nanoTime();
        if (args[0].equals("roster")) {
            if (out == null) {
                usage("--out is missing");
                return;
            }
            var tally = OneRosterWriter.write(new DemoNetworkGenerator(networkSize, seed), out);
            System.out.printf(
                    "Wrote the OneRoster 1.2 package of the '%s' network (seed %d) to %s: %s in %.1f s%n",
                    networkSize.label(), seed, out.toAbsolutePath(), tally, (System.nanoTime() - started) / 1e9);
        } else {
            springArgs.add("--cadre.demo.load=" + networkSize.label());
            springArgs.add("--cadre.demo.seed=" + seed);
            var application = new SpringApplication(CadreApplication.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            try (var context = application.run(springArgs.toArray(String[]::new))) {
                System.out.printf("Done in %.1f s%n", (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static void usage(String problem) {
        if (!problem.isEmpty()) {
            System.err.println(problem);
        }
        System.err.println("""
                usage: roster --size small|demo|network|state [--seed N] --out DIRECTORY|FILE.zip
                       load   --size small|demo|network|state [--seed N] [--spring.property=value ...]""");
        System.exit(2);
    }

    private DemoCommand() {}
}
