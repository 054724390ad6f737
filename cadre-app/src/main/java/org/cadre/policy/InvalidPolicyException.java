package org.cadre.policy;

import java.util.List;
import org.cadre.shared.InvalidInputException;

/** A policy document that cannot be adopted, with every error found in it. */
public class InvalidPolicyException extends InvalidInputException {

    private final List<PolicyError> errors;

    public InvalidPolicyException(List<PolicyError> errors) {
        super(
                byPath(errors),
                errors.size() + " error(s) in the policy: "
                        + String.join(
                                "; ", errors.stream().map(PolicyError::toString).toList()));
        this.errors = List.copyOf(errors);
    }

    private static java.util.Map<String, String> byPath(List<PolicyError> errors) {
        var map = new java.util.LinkedHashMap<String, String>();
        for (var error : errors) {
            map.merge(error.path(), error.message(), (a, b) -> a + "; " + b);
        }
        if (map.isEmpty()) {
            map.put("document", "is not valid");
        }
        return map;
    }

    public List<PolicyError> errors() {
        return errors;
    }
}
