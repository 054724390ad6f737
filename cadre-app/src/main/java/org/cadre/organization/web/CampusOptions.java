package org.cadre.organization.web;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cadre.organization.Campus;
import org.springframework.stereotype.Component;

/**
 * The people directory's campus filter options, kept: a district administrator's 56 options were written anew on
 * every visit although they change only with the campuses. They are kept for the campus list they were written
 * from (the directory keeps that list until a campus changes, then hands out a new one) and for each scope and
 * choice.
 */
@Component
class CampusOptions {

    /** More scope and choice combinations than this and the kept options start again (a bound, not a tuning). */
    private static final int MAX_KEPT = 1024;

    private record Key(Set<Long> scope, Long selected) {}

    private record Kept(List<Campus> campuses, ConcurrentHashMap<Key, String> html) {}

    private volatile Kept kept = new Kept(List.of(), new ConcurrentHashMap<>());

    /** The options of the campuses in {@code scope} (every campus if null), {@code selected} chosen. */
    String html(List<Campus> campuses, Set<Long> scope, Long selected) {
        var current = kept;
        if (current.campuses() != campuses || current.html().size() >= MAX_KEPT) {
            current = new Kept(campuses, new ConcurrentHashMap<>());
            kept = current;
        }
        return current.html()
                .computeIfAbsent(
                        new Key(scope == null ? null : Set.copyOf(scope), selected),
                        key -> SelectOptions.html(
                                campuses.stream()
                                        .filter(c -> key.scope() == null
                                                || key.scope().contains(c.id()))
                                        .toList(),
                                Campus::id,
                                Campus::name,
                                key.selected()));
    }
}
