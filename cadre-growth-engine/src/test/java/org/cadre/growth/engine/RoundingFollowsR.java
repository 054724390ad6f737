package org.cadre.growth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoundingFollowsR {

    @Test
    void exactHalvesGoToTheEvenDigit() {
        assertThat(Rounding.round(0.125, 2)).isEqualTo(0.12);
        assertThat(Rounding.round(0.375, 2)).isEqualTo(0.38);
        assertThat(Rounding.round(2.5, 0)).isEqualTo(2.0);
        assertThat(Rounding.round(-2.5, 0)).isEqualTo(-2.0);
    }

    @Test
    void decimalsThatAreNotExactInBinaryRoundByTheirTrueValue() {
        // 0.15 is stored as 0.1499999999999999944..., 1.0005 as 1.000499999999999945...; R gives 0.1 and 1.
        assertThat(Rounding.round(0.15, 1)).isEqualTo(0.1);
        assertThat(Rounding.round(1.0005, 3)).isEqualTo(1.0);
        assertThat(Rounding.round(2.675, 2)).isEqualTo(2.67);
    }

    @Test
    void predictionsAreRoundedToFiveDecimals() {
        assertThat(Rounding.round(523.4567849, 5)).isEqualTo(523.45678);
        assertThat(Rounding.round(523.4567851, 5)).isEqualTo(523.45679);
        assertThat(Rounding.round(-17.000004, 5)).isEqualTo(-17.0);
    }
}
