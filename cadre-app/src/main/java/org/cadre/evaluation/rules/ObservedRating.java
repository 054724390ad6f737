package org.cadre.evaluation.rules;

import java.time.LocalDate;

/** One observation's rating of one dimension, on the rubric's scale. */
public record ObservedRating(long observationId, LocalDate observedOn, int rating) {}
