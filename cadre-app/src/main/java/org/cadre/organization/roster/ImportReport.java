package org.cadre.organization.roster;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import found and did: per file the rows created, updated, unchanged, deactivated and rejected, and
 * every error and warning with the file, line, column and value it is about. Filled by one import on one
 * thread. Past {@code maxIssues} issues are still counted but no longer kept, so a package full of mistakes
 * cannot exhaust memory.
 */
final class ImportReport {

    enum Severity {
        ERROR,
        WARNING
    }

    /** One error or warning. Line and column are null when the issue is about a whole file or package. */
    record Issue(Severity severity, String file, Long line, String column, String value, String reason) {}

    /** What happened to the rows of one file. */
    static final class FileCounts {
        String mode = "absent";
        long rows;
        long created;
        long updated;
        long unchanged;
        long deactivated;
        long rejected;

        Map<String, Object> asMap() {
            var map = new LinkedHashMap<String, Object>();
            map.put("mode", mode);
            map.put("rows", rows);
            map.put("created", created);
            map.put("updated", updated);
            map.put("unchanged", unchanged);
            map.put("deactivated", deactivated);
            map.put("rejected", rejected);
            return map;
        }
    }

    private final int maxIssues;
    private final List<Issue> issues = new ArrayList<>();
    private final Map<String, FileCounts> counts = new LinkedHashMap<>();
    private final Map<String, BitSet> rejectedLines = new HashMap<>();
    private int errors;
    private int warnings;

    ImportReport(int maxIssues) {
        this.maxIssues = maxIssues;
        for (var file : OneRosterFile.values()) {
            counts.put(file.fileName(), new FileCounts());
        }
    }

    void error(String file, Long line, String column, String value, String reason) {
        errors++;
        add(new Issue(Severity.ERROR, file, line, column, value, reason));
        reject(file, line);
    }

    void warning(String file, Long line, String column, String value, String reason) {
        warnings++;
        add(new Issue(Severity.WARNING, file, line, column, value, reason));
    }

    /** Marks a row as not taken, once however many issues it has. */
    void reject(String file, Long line) {
        if (file == null || line == null || !counts.containsKey(file) || line > Integer.MAX_VALUE) {
            return;
        }
        var lines = rejectedLines.computeIfAbsent(file, f -> new BitSet());
        if (!lines.get(line.intValue())) {
            lines.set(line.intValue());
            counts.get(file).rejected++;
        }
    }

    private void add(Issue issue) {
        if (issues.size() < maxIssues) {
            issues.add(issue);
        }
    }

    FileCounts counts(OneRosterFile file) {
        return counts.get(file.fileName());
    }

    Map<String, FileCounts> counts() {
        return Collections.unmodifiableMap(counts);
    }

    Map<String, Map<String, Object>> countsAsMap() {
        var map = new LinkedHashMap<String, Map<String, Object>>();
        counts.forEach((file, c) -> map.put(file, c.asMap()));
        return map;
    }

    List<Issue> issues() {
        return Collections.unmodifiableList(issues);
    }

    boolean hasErrors() {
        return errors > 0;
    }

    int errors() {
        return errors;
    }

    int warnings() {
        return warnings;
    }
}
