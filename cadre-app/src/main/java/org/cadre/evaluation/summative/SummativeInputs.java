package org.cadre.evaluation.summative;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What the appraiser brings to the summative: the end-of-year conference (its date, the evidence the teacher
 * brought, a rating of each professional-practices dimension), judgements of observed dimensions when the
 * policy's rule is appraiser judgement, and the student growth measure until the growth module provides one.
 */
public record SummativeInputs(
        LocalDate conferenceOn,
        String conferenceEvidence,
        Map<String, Integer> conferenceRatings,
        Map<String, Integer> judgements,
        BigDecimal studentGrowth) {}
