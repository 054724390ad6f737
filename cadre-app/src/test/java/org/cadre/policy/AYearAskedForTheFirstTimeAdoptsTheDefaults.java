package org.cadre.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.cadre.CadreIntegrationTest;
import org.cadre.evaluation.rubric.Rubrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first time anything asks for a school year's policy and rubric, Cadre adopts its default policy and fixes
 * the rubric that policy names. Pages ask from read-only transactions (the appraiser's caseload did, and failed
 * with "cannot execute INSERT in a read-only transaction" on a network whose year had no policy yet), so the
 * adoption must happen in a transaction of its own.
 */
class AYearAskedForTheFirstTimeAdoptsTheDefaults extends CadreIntegrationTest {

    @Autowired
    Policies policies;

    @Autowired
    Rubrics rubrics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void evenWhenTheCallerOnlyReads() {
        long year = jdbc.sql("""
                        insert into organization.school_year (source_id, name, begins_on, ends_on)
                        values ('policy-first-use-2088', '2088-2089', ?, ?) returning id""")
                .params(LocalDate.of(2088, 8, 1), LocalDate.of(2089, 6, 30))
                .query(Long.class)
                .single();
        var readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);

        var policy = readOnly.execute(status -> policies.inForce(year));
        var rubric = readOnly.execute(status -> rubrics.inForce(year));

        assertThat(policy.version()).isEqualTo(1);
        assertThat(policy.status()).isEqualTo(PolicyVersion.Status.ADOPTED);
        assertThat(policy.sourceText()).isEqualTo(Policies.defaultText());
        assertThat(rubric.key()).isEqualTo(policy.document().evaluation().rubric());
        // Asked again, the same version and rubric: adopted once, not once per call.
        assertThat(policies.inForce(year).id()).isEqualTo(policy.id());
        assertThat(rubrics.inForce(year).id()).isEqualTo(rubric.id());
        assertThat(jdbc.sql("select count(*) from policy.policy_version where school_year_id = ?")
                        .param(year)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
