package org.cadre.evaluation.rules;

import java.util.List;
import java.util.TreeSet;

/**
 * Agreement between two raters who rated the same things: the share of exact matches, the share within one
 * level (adjacent, exact included) and Cohen's kappa, which discounts the agreement expected by chance from each
 * rater's own distribution of ratings.
 *
 * @param pairs how many things both rated
 * @param kappa null when it is undefined: no pairs, or chance agreement already 1 (both always gave one value)
 */
public record Agreement(int pairs, double exact, double adjacent, Double kappa) {

    /** One thing rated by both raters. */
    public record Pair(int first, int second) {}

    public static Agreement of(List<Pair> pairs) {
        if (pairs.isEmpty()) {
            return new Agreement(0, 0, 0, null);
        }
        var categories = new TreeSet<Integer>();
        pairs.forEach(p -> {
            categories.add(p.first());
            categories.add(p.second());
        });
        var index = categories.stream().toList();
        int k = index.size();
        var table = new long[k][k];
        int exact = 0;
        int adjacent = 0;
        for (var pair : pairs) {
            table[index.indexOf(pair.first())][index.indexOf(pair.second())]++;
            int distance = Math.abs(pair.first() - pair.second());
            if (distance == 0) {
                exact++;
            }
            if (distance <= 1) {
                adjacent++;
            }
        }
        int n = pairs.size();
        return new Agreement(n, (double) exact / n, (double) adjacent / n, kappa(table));
    }

    /** Cohen's kappa of a square contingency table (rows: first rater, columns: second rater). */
    public static Double kappa(long[][] table) {
        int k = table.length;
        double n = 0;
        double diagonal = 0;
        var rows = new double[k];
        var columns = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                n += table[i][j];
                rows[i] += table[i][j];
                columns[j] += table[i][j];
            }
            diagonal += table[i][i];
        }
        if (n == 0) {
            return null;
        }
        double observed = diagonal / n;
        double chance = 0;
        for (int i = 0; i < k; i++) {
            chance += (rows[i] / n) * (columns[i] / n);
        }
        if (chance >= 1.0) {
            return null;
        }
        return (observed - chance) / (1 - chance);
    }
}
