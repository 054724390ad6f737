/**
 * Owns teacher evaluation: versioned rubrics, the yearly cycle of goal-setting, observations and the end-of-year
 * conference, summative ratings under the school year's policy, calibration of appraisers and the Ed-Fi export.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Evaluation",
        allowedDependencies = {"shared", "audit", "organization", "policy"})
package org.cadre.evaluation;
