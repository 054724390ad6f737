package org.cadre.growth.engine.quantreg;

/**
 * The design matrix does not have full column rank (for example every student in a cohort has the
 * same prior score), so the quantile regression has no unique answer.
 */
public final class SingularDesignException extends RuntimeException {

    public SingularDesignException() {
        super("the design matrix is singular: the priors do not vary enough to fit");
    }
}
