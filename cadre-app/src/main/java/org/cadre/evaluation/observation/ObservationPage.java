package org.cadre.evaluation.observation;

import java.util.List;
import org.cadre.evaluation.rubric.Rubric;

/**
 * An observation as one person may see it.
 *
 * @param draft the note the person was typing when last saved, if they are the appraiser
 * @param mayRate whether the person is the observation's appraiser
 * @param isTeacher whether the person is the teacher observed
 */
public record ObservationPage(
        Observation observation,
        Rubric rubric,
        String teacherName,
        String appraiserName,
        List<EvidenceNote> notes,
        String draft,
        List<Observations.Amendment> amendments,
        boolean mayRate,
        boolean isTeacher) {}
