package org.cadre.policy;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a policy document written in YAML or JSON (JSON is YAML too) and checks it against {@link
 * PolicyRules}. Every problem comes back with the path of the field it is about.
 */
public final class PolicyReader {

    private static final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The document, or an {@link InvalidPolicyException} listing what is wrong with it. */
    public static PolicyDocument read(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidPolicyException(List.of(new PolicyError("document", "is empty")));
        }
        PolicyDocument document;
        try {
            document = yaml.readValue(text, PolicyDocument.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidPolicyException(List.of(
                    new PolicyError(path(e), "is not a policy setting (known here: " + e.getKnownPropertyIds() + ")")));
        } catch (JacksonException e) {
            var location = e.getLocation();
            var where = location == null
                    ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            throw new InvalidPolicyException(List.of(new PolicyError(path(e), reason(e) + where)));
        }
        if (document == null) {
            throw new InvalidPolicyException(List.of(new PolicyError("document", "is empty")));
        }
        var errors = PolicyRules.check(document);
        if (!errors.isEmpty()) {
            throw new InvalidPolicyException(errors);
        }
        return document;
    }

    /** Writes a document back as YAML, for showing and for storing the adopted text. */
    public static String write(PolicyDocument document) {
        return yaml.writeValueAsString(document);
    }

    static String toJson(PolicyDocument document) {
        return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(document);
    }

    static PolicyDocument fromJson(String json) {
        return tools.jackson.databind.json.JsonMapper.shared().readValue(json, PolicyDocument.class);
    }

    private static String path(JacksonException e) {
        var parts = new ArrayList<String>();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                parts.add((parts.isEmpty() ? "" : ".") + reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                parts.add("[" + reference.getIndex() + "]");
            }
        }
        return parts.isEmpty() ? "document" : String.join("", parts);
    }

    private static String reason(JacksonException e) {
        var message = e.getOriginalMessage();
        if (message == null) {
            return "cannot be read";
        }
        if (message.contains("Cannot deserialize value of type `java.lang.Integer`")
                || message.contains("Cannot deserialize value of type `int`")) {
            return "must be a whole number";
        }
        if (message.contains("java.math.BigDecimal")) {
            return "must be a number";
        }
        if (message.contains("SummativeRule")) {
            return "must be one of MEAN, LATEST, APPRAISER_JUDGEMENT";
        }
        var firstLine = message.lines().findFirst().orElse(message);
        return "cannot be read: " + firstLine;
    }

    private PolicyReader() {}
}
