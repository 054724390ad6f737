package org.cadre.growth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tested subjects, named as the roster's courses name them, so that a score and the teacher who taught the
 * subject meet. Assessment files may use the usual other names.
 */
final class TestedSubjects {

    static final String MATH = "Math";
    static final String READING = "Reading/ELA";
    static final List<String> ALL = List.of(MATH, READING);

    private static final Map<String, String> NAMES = Map.of(
            "math", MATH,
            "mathematics", MATH,
            "reading/ela", READING,
            "reading", READING,
            "ela", READING,
            "english language arts", READING);

    static Optional<String> of(String name) {
        return Optional.ofNullable(NAMES.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    private TestedSubjects() {}
}
