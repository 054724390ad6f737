package org.cadre.evaluation.rubric;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One version of a rubric: performance levels with numeric values, and domains of dimensions, each domain
 * counting toward a domain of performance. A rubric never changes once loaded; a change is a new version.
 *
 * @param id the id observations and summative ratings record
 */
public record Rubric(long id, String key, int version, String name, List<Level> levels, List<Domain> domains) {

    /** A performance level, such as Distinguished (5). */
    public record Level(String name, int value) {}

    /** A domain of the rubric, such as Planning, and the domain of performance it counts toward. */
    public record Domain(String code, String name, PerformanceDomain performanceDomain, List<Dimension> dimensions) {}

    /**
     * A dimension, such as Standards and Alignment.
     *
     * @param descriptors what each level looks like, keyed by level name
     */
    public record Dimension(String code, String name, Map<String, String> descriptors) {}

    public Optional<Dimension> dimension(String code) {
        return dimensions().filter(d -> d.code().equals(code)).findFirst();
    }

    public Stream<Dimension> dimensions() {
        return domains.stream().flatMap(d -> d.dimensions().stream());
    }

    public Domain domainOf(String dimensionCode) {
        return domains.stream()
                .filter(d -> d.dimensions().stream().anyMatch(x -> x.code().equals(dimensionCode)))
                .findFirst()
                .orElseThrow();
    }

    /** The dimensions rated in observations (Instructional Quality). */
    public List<Dimension> observedDimensions() {
        return domains.stream()
                .filter(d -> d.performanceDomain() == PerformanceDomain.INSTRUCTIONAL_QUALITY)
                .flatMap(d -> d.dimensions().stream())
                .toList();
    }

    /** The professional-practices dimensions, rated at the end-of-year conference. */
    public List<Dimension> conferenceDimensions() {
        return domains.stream()
                .filter(d -> d.performanceDomain() == PerformanceDomain.PROFESSIONAL_ROLES)
                .flatMap(d -> d.dimensions().stream())
                .toList();
    }

    public boolean isObserved(String dimensionCode) {
        return observedDimensions().stream().anyMatch(d -> d.code().equals(dimensionCode));
    }

    public boolean onScale(int value) {
        return levels.stream().anyMatch(l -> l.value() == value);
    }

    public int lowest() {
        return levels.stream().mapToInt(Level::value).min().orElseThrow();
    }

    public int highest() {
        return levels.stream().mapToInt(Level::value).max().orElseThrow();
    }

    /** The name of the level with this value, or the value itself when it falls between levels. */
    public String levelName(int value) {
        return levels.stream()
                .filter(l -> l.value() == value)
                .map(Level::name)
                .findFirst()
                .orElse(String.valueOf(value));
    }

    /** "Distinguished 5, Accomplished 4, …" for error messages. */
    public String scale() {
        return String.join(
                ", ", levels.stream().map(l -> l.name() + " " + l.value()).toList());
    }
}
