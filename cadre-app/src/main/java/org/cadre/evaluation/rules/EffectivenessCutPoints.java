package org.cadre.evaluation.rules;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.cadre.policy.PolicyDocument.EffectivenessLevel;

/**
 * The school year's effectiveness levels: a composite reaches the highest level whose minimum score it meets.
 * The policy guarantees a last level starting at zero, so every composite has a level.
 */
public record EffectivenessCutPoints(List<EffectivenessLevel> levels) {

    public EffectivenessCutPoints {
        levels = levels.stream()
                .sorted(Comparator.comparing(EffectivenessLevel::minimumScore).reversed())
                .toList();
    }

    public String levelFor(BigDecimal composite) {
        return levels.stream()
                .filter(level -> composite.compareTo(level.minimumScore()) >= 0)
                .map(EffectivenessLevel::name)
                .findFirst()
                .orElse(levels.getLast().name());
    }
}
