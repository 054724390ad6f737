package org.cadre.evaluation.rules;

import java.time.LocalDate;

/** The goal-setting and professional-development plan is due a number of weeks after the school year begins. */
public record GoalSettingDeadline(int weeks) {

    public GoalSettingDeadline {
        if (weeks < 1) {
            throw new IllegalArgumentException("the plan must be due at least one week into the year");
        }
    }

    public LocalDate dueOn(LocalDate yearBegins) {
        return yearBegins.plusWeeks(weeks);
    }
}
