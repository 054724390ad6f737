package org.cadre.evaluation.rubric;

import java.util.LinkedHashMap;
import java.util.List;
import org.cadre.shared.InvalidInputException;

/** A rubric file that cannot be loaded; every problem names the path of what it is about. */
public class InvalidRubricException extends InvalidInputException {

    private final List<String> problems;

    public InvalidRubricException(List<String> problems) {
        super(asFields(problems), problems.size() + " problem(s) in the rubric file: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static LinkedHashMap<String, String> asFields(List<String> problems) {
        var fields = new LinkedHashMap<String, String>();
        for (var problem : problems) {
            int colon = problem.indexOf(':');
            fields.merge(colon > 0 ? problem.substring(0, colon) : "rubric", problem, (a, b) -> a + "; " + b);
        }
        return fields;
    }
}
