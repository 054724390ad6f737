package org.cadre.policy;

/**
 * One thing wrong with a policy document.
 *
 * @param path where, as a dotted path with list indexes ({@code evaluation.weights.studentGrowth},
 *     {@code slo.bands[2].rating})
 * @param message why, in words an administrator understands
 */
public record PolicyError(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
