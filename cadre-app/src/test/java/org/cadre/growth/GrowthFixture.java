package org.cadre.growth;

import org.cadre.organization.SchoolYears;

/**
 * The demo scores and one completed growth run of the current school year, made once for the tests that need them
 * (the browser tests too, so it is public).
 */
public final class GrowthFixture {

    static final long SEED = 2026;

    private static GrowthRun run;

    public static synchronized GrowthRun currentRun(DemoScores scores, GrowthRuns runs, SchoolYears schoolYears) {
        if (run == null) {
            scores.generate(SEED);
            var year = schoolYears.current().orElseThrow();
            run = runs.current(year.id()).orElseGet(() -> runs.runNow(null, year.id()));
        }
        return run;
    }

    private GrowthFixture() {}
}
