package org.cadre.growth.engine;

import java.util.Optional;
import org.cadre.growth.engine.quantreg.QuantileProcess;

/**
 * What happened to one cohort: its 100 quantile regressions, or why it was not fitted.
 *
 * @param cohort the cohort
 * @param process the fitted quantile regressions, empty when skipped
 * @param skippedBecause why the cohort was not fitted, empty when fitted
 */
public record CohortFit(Cohort cohort, Optional<QuantileProcess> process, Optional<String> skippedBecause) {

    static CohortFit fitted(Cohort cohort, QuantileProcess process) {
        return new CohortFit(cohort, Optional.of(process), Optional.empty());
    }

    static CohortFit skipped(Cohort cohort, String reason) {
        return new CohortFit(cohort, Optional.empty(), Optional.of(reason));
    }
}
