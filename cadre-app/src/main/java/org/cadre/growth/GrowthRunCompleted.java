package org.cadre.growth;

/**
 * A growth run finished and became the current one of its school year: its percentiles and measures are
 * there to be read, computed under the recorded policy version.
 */
public record GrowthRunCompleted(long runId, long schoolYearId, long policyVersionId) {}
