package org.cadre.evaluation.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cadre.shared.InvalidInputException;

/** Reads the rating fields of a form ("rating.2.1" = "4") into dimension → value. */
final class Forms {

    static Map<String, Integer> ratings(Map<String, String> params, String prefix) {
        var ratings = new LinkedHashMap<String, Integer>();
        params.forEach((name, value) -> {
            if (name.startsWith(prefix) && value != null && !value.isBlank()) {
                var dimension = name.substring(prefix.length());
                try {
                    ratings.put(dimension, Integer.valueOf(value.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("ratings." + dimension, "'" + value + "' is not a rating");
                }
            }
        });
        return ratings;
    }

    static int required(Integer value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    private Forms() {}
}
