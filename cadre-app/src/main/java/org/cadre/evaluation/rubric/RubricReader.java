package org.cadre.evaluation.rubric;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a rubric file, YAML or JSON (JSON is YAML too), and checks it: a key and a name; at least two levels with
 * distinct names and whole-number values; at least one domain counting toward Instructional Quality; dimension
 * codes unique across the rubric; descriptors only for levels the rubric has. Every problem is reported at once,
 * with its path, and nothing is loaded unless there are none.
 */
public final class RubricReader {

    static final int MAX_LEVELS = 11;

    private static final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The file as written; every field may be missing, which the checks report. */
    record RubricFile(String key, String name, List<LevelFile> levels, List<DomainFile> domains) {}

    record LevelFile(String name, Integer value) {}

    record DomainFile(String code, String name, PerformanceDomain performanceDomain, List<DimensionFile> dimensions) {}

    record DimensionFile(String code, String name, Map<String, String> descriptors) {}

    /** The rubric described by the text, not yet stored (id and version 0). */
    public static Rubric read(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRubricException(List.of("rubric: the file is empty"));
        }
        RubricFile file;
        try {
            file = yaml.readValue(text, RubricFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRubricException(
                    List.of(path(e) + ": is not part of a rubric (known here: " + e.getKnownPropertyIds() + ")"));
        } catch (JacksonException e) {
            var location = e.getLocation();
            var where = location == null || location.getLineNr() < 0
                    ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            throw new InvalidRubricException(List.of(path(e) + ": " + reason(e) + where));
        }
        if (file == null) {
            throw new InvalidRubricException(List.of("rubric: the file is empty"));
        }
        var problems = check(file);
        if (!problems.isEmpty()) {
            throw new InvalidRubricException(problems);
        }
        return new Rubric(
                0,
                file.key().strip(),
                0,
                file.name().strip(),
                file.levels().stream()
                        .map(l -> new Rubric.Level(l.name().strip(), l.value()))
                        .toList(),
                file.domains().stream()
                        .map(d -> new Rubric.Domain(
                                d.code().strip(),
                                d.name().strip(),
                                d.performanceDomain(),
                                d.dimensions().stream()
                                        .map(x -> new Rubric.Dimension(
                                                x.code().strip(),
                                                x.name().strip(),
                                                x.descriptors() == null
                                                        ? Map.of()
                                                        : new LinkedHashMap<>(x.descriptors())))
                                        .toList()))
                        .toList());
    }

    static List<String> check(RubricFile file) {
        var problems = new ArrayList<String>();
        if (blank(file.key())) {
            problems.add("key: is required");
        } else if (!file.key().strip().matches("[a-z0-9][a-z0-9-]{1,62}")) {
            problems.add("key: must be 2 to 63 lower-case letters, digits or hyphens, such as texas-default");
        }
        if (blank(file.name())) {
            problems.add("name: is required");
        }
        var levelNames = new HashSet<String>();
        if (file.levels() == null || file.levels().size() < 2) {
            problems.add("levels: a rubric needs at least two performance levels");
        } else if (file.levels().size() > MAX_LEVELS) {
            problems.add("levels: at most " + MAX_LEVELS + " performance levels");
        } else {
            var values = new HashSet<Integer>();
            for (int i = 0; i < file.levels().size(); i++) {
                var level = file.levels().get(i);
                var path = "levels[" + i + "]";
                if (level == null) {
                    problems.add(path + ": is empty");
                    continue;
                }
                if (blank(level.name())) {
                    problems.add(path + ".name: is required");
                } else if (!levelNames.add(level.name().strip())) {
                    problems.add(path + ".name: '" + level.name() + "' is used by another level");
                }
                if (level.value() == null) {
                    problems.add(path + ".value: is required");
                } else if (level.value() < 0 || level.value() > 100) {
                    problems.add(path + ".value: must be between 0 and 100");
                } else if (!values.add(level.value())) {
                    problems.add(path + ".value: " + level.value() + " is used by another level");
                }
            }
        }
        if (file.domains() == null || file.domains().isEmpty()) {
            problems.add("domains: a rubric needs at least one domain");
            return problems;
        }
        var domainCodes = new HashSet<String>();
        var dimensionCodes = new HashSet<String>();
        boolean instructional = false;
        for (int i = 0; i < file.domains().size(); i++) {
            var domain = file.domains().get(i);
            var path = "domains[" + i + "]";
            if (domain == null) {
                problems.add(path + ": is empty");
                continue;
            }
            if (blank(domain.code())) {
                problems.add(path + ".code: is required");
            } else if (!domainCodes.add(domain.code().strip())) {
                problems.add(path + ".code: '" + domain.code() + "' is used by another domain");
            }
            if (blank(domain.name())) {
                problems.add(path + ".name: is required");
            }
            if (domain.performanceDomain() == null) {
                problems.add(path + ".performanceDomain: is required (INSTRUCTIONAL_QUALITY or PROFESSIONAL_ROLES)");
            } else if (domain.performanceDomain() == PerformanceDomain.STUDENT_GROWTH) {
                problems.add(path + ".performanceDomain: STUDENT_GROWTH comes from growth measures, not from a rubric;"
                        + " use INSTRUCTIONAL_QUALITY or PROFESSIONAL_ROLES");
            } else if (domain.performanceDomain() == PerformanceDomain.INSTRUCTIONAL_QUALITY) {
                instructional = true;
            }
            if (domain.dimensions() == null || domain.dimensions().isEmpty()) {
                problems.add(path + ".dimensions: a domain needs at least one dimension");
                continue;
            }
            for (int j = 0; j < domain.dimensions().size(); j++) {
                var dimension = domain.dimensions().get(j);
                var dpath = path + ".dimensions[" + j + "]";
                if (dimension == null) {
                    problems.add(dpath + ": is empty");
                    continue;
                }
                if (blank(dimension.code())) {
                    problems.add(dpath + ".code: is required");
                } else if (!dimensionCodes.add(dimension.code().strip())) {
                    problems.add(dpath + ".code: '" + dimension.code() + "' is used by another dimension");
                }
                if (blank(dimension.name())) {
                    problems.add(dpath + ".name: is required");
                }
                if (dimension.descriptors() != null && !levelNames.isEmpty()) {
                    for (var level : dimension.descriptors().keySet()) {
                        if (!levelNames.contains(level)) {
                            problems.add(dpath + ".descriptors." + level + ": is not one of the rubric's levels "
                                    + levelNames.stream().sorted().toList());
                        }
                    }
                }
            }
        }
        if (!instructional) {
            problems.add("domains: at least one domain must count toward INSTRUCTIONAL_QUALITY");
        }
        return problems;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String path(JacksonException e) {
        var parts = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                parts.append(parts.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                parts.append("[").append(reference.getIndex()).append("]");
            }
        }
        return parts.isEmpty() ? "rubric" : parts.toString();
    }

    private static String reason(JacksonException e) {
        var message = e.getOriginalMessage();
        if (message == null) {
            return "cannot be read";
        }
        if (message.contains("java.lang.Integer")) {
            return "must be a whole number";
        }
        if (message.contains("PerformanceDomain")) {
            return "must be INSTRUCTIONAL_QUALITY or PROFESSIONAL_ROLES";
        }
        return "cannot be read: " + message.lines().findFirst().orElse(message);
    }

    private RubricReader() {}
}
