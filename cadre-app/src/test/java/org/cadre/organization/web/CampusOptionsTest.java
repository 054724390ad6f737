package org.cadre.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cadre.organization.Campus;
import org.junit.jupiter.api.Test;

/** The campus filter's options are written outside the template engine, so they must escape names themselves. */
class CampusOptionsTest {

    private static final List<Campus> CAMPUSES = List.of(
            new Campus(7, "c-7", "Oak & <b>Elm</b> \"Prep\"", "7", "HIGH", null, null, true),
            new Campus(9, "c-9", "Birch Middle", "9", "MIDDLE", null, null, true));

    @Test
    void namesAreEscapedAndTheChosenCampusIsSelected() {
        assertThat(CampusOptions.html(CAMPUSES, 9L))
                .isEqualTo("<option value=\"7\">Oak &amp; &lt;b&gt;Elm&lt;/b&gt; &quot;Prep&quot;</option>"
                        + "<option value=\"9\" selected>Birch Middle</option>");
    }

    @Test
    void nothingIsSelectedWithoutAChoice() {
        assertThat(CampusOptions.html(CAMPUSES, null)).doesNotContain("selected");
        assertThat(CampusOptions.html(List.of(), null)).isEmpty();
    }
}
