package org.cadre.evaluation.rules;

import java.time.LocalDate;

/**
 * Written feedback on an observation is due a number of working days (the policy's {@code
 * feedbackDueWorkingDays}) after the lesson was observed; feedback shared after that day is late.
 */
public record FeedbackDeadline(int workingDays, WorkingDays calendar) {

    public FeedbackDeadline {
        if (workingDays < 1) {
            throw new IllegalArgumentException("feedback must be due at least one working day after the lesson");
        }
    }

    public LocalDate dueOn(LocalDate observedOn) {
        return calendar.after(observedOn, workingDays);
    }

    /** Whether feedback shared on {@code sharedOn} came after its due date. */
    public boolean isLate(LocalDate observedOn, LocalDate sharedOn) {
        return sharedOn.isAfter(dueOn(observedOn));
    }

    /** Whether feedback not yet shared on {@code today} is already overdue. */
    public boolean isOverdue(LocalDate observedOn, LocalDate today) {
        return today.isAfter(dueOn(observedOn));
    }
}
