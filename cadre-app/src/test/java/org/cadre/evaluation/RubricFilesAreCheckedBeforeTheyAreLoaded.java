package org.cadre.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.cadre.evaluation.rubric.InvalidRubricException;
import org.cadre.evaluation.rubric.PerformanceDomain;
import org.cadre.evaluation.rubric.RubricReader;
import org.cadre.evaluation.rubric.Rubrics;
import org.junit.jupiter.api.Test;

/** The default rubric as shipped, and the errors a malformed rubric file gets. */
class RubricFilesAreCheckedBeforeTheyAreLoaded {

    @Test
    void theDefaultRubricHasFourDomainsSixteenDimensionsAndFiveLevels() {
        var rubric = RubricReader.read(Rubrics.defaultText());
        assertThat(rubric.domains()).hasSize(4);
        assertThat(rubric.dimensions()).hasSize(16);
        assertThat(rubric.levels())
                .extracting(l -> l.name() + " " + l.value())
                .containsExactly(
                        "Distinguished 5", "Accomplished 4", "Proficient 3", "Developing 2", "Improvement Needed 1");
        assertThat(rubric.observedDimensions()).hasSize(12);
        assertThat(rubric.conferenceDimensions())
                .extracting(d -> d.name())
                .containsExactly(
                        "Professional Demeanor and Ethics",
                        "Goal Setting",
                        "Professional Development",
                        "School Community Involvement");
        assertThat(rubric.domains().getLast().performanceDomain()).isEqualTo(PerformanceDomain.PROFESSIONAL_ROLES);
        assertThat(rubric.dimension("2.4").orElseThrow().descriptors()).hasSize(5);
    }

    @Test
    void aRubricWithAnotherScaleAndJsonSyntaxLoads() {
        var rubric = RubricReader.read("""
                {"key": "zero-to-four", "name": "Four-point", "levels": [
                  {"name": "Exemplary", "value": 4}, {"name": "Effective", "value": 3}, {"name": "Emerging", "value": 2},
                  {"name": "Beginning", "value": 1}, {"name": "Not evident", "value": 0}],
                 "domains": [{"code": "A", "name": "Teaching", "performanceDomain": "INSTRUCTIONAL_QUALITY",
                   "dimensions": [{"code": "A1", "name": "Questioning", "descriptors": {"Exemplary": "Students ask"}}]}]}
                """);
        assertThat(rubric.lowest()).isZero();
        assertThat(rubric.highest()).isEqualTo(4);
        assertThat(rubric.onScale(0)).isTrue();
        assertThat(rubric.onScale(5)).isFalse();
    }

    @Test
    void everyProblemIsListedWithItsPath() {
        var error = catchThrowableOfType(InvalidRubricException.class, () -> RubricReader.read("""
                key: Bad Key
                levels:
                  - { name: High, value: 2 }
                  - { name: High, value: 2 }
                domains:
                  - code: A
                    name: Roles
                    performanceDomain: PROFESSIONAL_ROLES
                    dimensions:
                      - { code: A1, name: One, descriptors: { Middling: text } }
                      - { code: A1, name: Two }
                """));
        assertThat(error.problems())
                .contains(
                        "key: must be 2 to 63 lower-case letters, digits or hyphens, such as texas-default",
                        "name: is required",
                        "levels[1].name: 'High' is used by another level",
                        "levels[1].value: 2 is used by another level",
                        "domains[0].dimensions[1].code: 'A1' is used by another dimension",
                        "domains: at least one domain must count toward INSTRUCTIONAL_QUALITY");
        assertThat(error.problems())
                .anyMatch(p -> p.startsWith("domains[0].dimensions[0].descriptors.Middling: is not one of"));
    }

    @Test
    void malformedSyntaxAndWrongTypesNameTheLine() {
        var broken = catchThrowableOfType(InvalidRubricException.class, () -> RubricReader.read("key: [unclosed"));
        assertThat(broken.getMessage()).contains("line");
        var word = catchThrowableOfType(
                InvalidRubricException.class,
                () -> RubricReader.read("key: k1\nname: n\nlevels:\n  - { name: A, value: five }\n"));
        assertThat(word.problems()).singleElement().asString().startsWith("levels[0].value: must be a whole number");
        var unknown =
                catchThrowableOfType(InvalidRubricException.class, () -> RubricReader.read("key: k1\ncolour: red\n"));
        assertThat(unknown.problems()).singleElement().asString().startsWith("colour: is not part of a rubric");
    }
}
