package org.cadre.evaluation.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Monday to Friday, except the network's holidays. */
public record WorkingDays(Set<LocalDate> holidays) {

    public WorkingDays {
        holidays = Set.copyOf(holidays);
    }

    public static WorkingDays mondayToFriday() {
        return new WorkingDays(Set.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        var weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The day that is {@code days} working days after {@code start}; the start day itself never counts. */
    public LocalDate after(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be 0 or more");
        }
        var day = start;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
