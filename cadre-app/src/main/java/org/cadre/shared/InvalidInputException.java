package org.cadre.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/** One or more fields of a request hold values the domain refuses. */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(String field, String reason) {
        super(field + ": " + reason);
        this.fieldErrors = Map.of(field, field + ": " + reason);
    }

    /** Several refused fields at once, keyed by the path of each field. */
    public InvalidInputException(Map<String, String> fieldErrors, String message) {
        super(message);
        this.fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    /** The first refused field. */
    public String field() {
        return fieldErrors.keySet().iterator().next();
    }

    /** Every refused field with its reason. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
