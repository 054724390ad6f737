package org.cadre.evaluation.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import org.cadre.CadreApplication;
import org.cadre.evaluation.appraisal.Teachers;
import org.cadre.evaluation.rubric.Rubrics;
import org.cadre.organization.Directory;
import org.cadre.organization.RoleAssignments;
import org.cadre.organization.StaffMembers;
import org.cadre.policy.Policies;
import org.cadre.shared.CurrentUser;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a year of observations ({@link ObservationYear}) into the configured database, for the evaluation
 * benchmark; does nothing if the year already has observations. Run from the built jar, without a web server:
 *
 * <pre>
 * java -cp cadre-app/target/cadre.jar -Dloader.main=org.cadre.evaluation.bench.ObservationYearCommand \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   [--seed 2026] [--today 2026-06-30] [--as district.admin@cadre.demo] --cadre.database.data-dir=...
 * </pre>
 *
 * The current school year is used; lessons after {@code --today} (default: today) are only scheduled.
 */
public final class ObservationYearCommand {

    public static void main(String[] args) {
        long seed = 2026;
        LocalDate today = null;
        String as = "district.admin@cadre.demo";
        var springArgs = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--today" -> today = LocalDate.parse(args[++i]);
                case "--as" -> as = args[++i];
                default -> springArgs.add(args[i]);
            }
        }
        springArgs.add("--cadre.demo.load=none");
        var application = new SpringApplication(CadreApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        long started = System.nanoTime();
        try (var context = application.run(springArgs.toArray(String[]::new))) {
            var clock = context.getBean(Clock.class);
            var teachers = context.getBean(Teachers.class);
            var generator = new ObservationYear(
                    context.getBean(JdbcClient.class),
                    context.getBean(Directory.class),
                    teachers,
                    context.getBean(Rubrics.class),
                    context.getBean(Policies.class),
                    clock.getZone());
            var email = as;
            var staffId = context.getBean(StaffMembers.class)
                    .idByEmail(email)
                    .orElseThrow(() -> new IllegalStateException("No staff member " + email));
            var user = new CurrentUser(
                    0,
                    staffId,
                    email,
                    email,
                    context.getBean(RoleAssignments.class).currentGrantsOf(staffId));
            var year = teachers.currentYear();
            long existing = generator.existing(year.id());
            if (existing > 0) {
                System.out.printf("%s already has %,d observations; nothing generated%n", year.name(), existing);
                return;
            }
            var day = today != null ? today : LocalDate.now(clock);
            long chosenSeed = seed;
            var generated = new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
                    .execute(status -> generator.generate(user, year.id(), chosenSeed, day));
            System.out.printf(
                    "Generated %s observations of %s (seed %d, today %s): %,d teachers on %d campuses, %,d shared, %,d"
                            + " ratings, in %.1f s%n",
                    String.format("%,d", generated.observations()),
                    year.name(),
                    seed,
                    day,
                    generated.teachers(),
                    generated.campuses(),
                    generated.shared(),
                    generated.ratings(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private ObservationYearCommand() {}
}
