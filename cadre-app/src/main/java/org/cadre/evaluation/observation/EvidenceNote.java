package org.cadre.evaluation.observation;

import java.time.Instant;
import java.util.List;

/** A time-stamped piece of evidence taken during the lesson, tagged to the dimensions it speaks to. */
public record EvidenceNote(long id, long observationId, Instant notedAt, String body, List<String> dimensions) {}
