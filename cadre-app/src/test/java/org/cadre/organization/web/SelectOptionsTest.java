package org.cadre.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cadre.organization.Campus;
import org.cadre.shared.AccessRole;
import org.junit.jupiter.api.Test;

/** The filter options are written outside the template engine, so they must escape what they write themselves. */
class SelectOptionsTest {

    private static final List<Campus> CAMPUSES = List.of(
            new Campus(7, "c-7", "Oak & <b>Elm</b> \"Prep\"", "7", "HIGH", null, null, true),
            new Campus(9, "c-9", "Birch Middle", "9", "MIDDLE", null, null, true));

    @Test
    void labelsAreEscapedAndTheChosenOptionIsSelected() {
        assertThat(SelectOptions.html(CAMPUSES, Campus::id, Campus::name, 9L))
                .isEqualTo("<option value=\"7\">Oak &amp; &lt;b&gt;Elm&lt;/b&gt; &quot;Prep&quot;</option>"
                        + "<option value=\"9\" selected>Birch Middle</option>");
    }

    @Test
    void valuesAreEscapedToo() {
        assertThat(SelectOptions.html(List.of("a\"><script>"), v -> v, v -> "x", null))
                .isEqualTo("<option value=\"a&quot;&gt;&lt;script&gt;\">x</option>");
    }

    @Test
    void rolesAreOfferedByNameWithTheirLabels() {
        assertThat(SelectOptions.html(
                        List.of(AccessRole.HR, AccessRole.TEACHER), Enum::name, AccessRole::label, AccessRole.TEACHER))
                .isEqualTo("<option value=\"HR\">HR / compensation</option>"
                        + "<option value=\"TEACHER\" selected>Teacher</option>");
    }

    @Test
    void nothingIsSelectedWithoutAChoice() {
        assertThat(SelectOptions.html(CAMPUSES, Campus::id, Campus::name, null)).doesNotContain("selected");
        assertThat(SelectOptions.html(List.<Campus>of(), Campus::id, Campus::name, null))
                .isEmpty();
    }
}
