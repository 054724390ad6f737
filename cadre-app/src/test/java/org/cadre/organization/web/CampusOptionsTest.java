package org.cadre.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.cadre.organization.Campus;
import org.junit.jupiter.api.Test;

/** The campus filter's options are kept, so they must still follow the scope, the choice and the campuses. */
class CampusOptionsTest {

    private static final List<Campus> CAMPUSES = List.of(
            new Campus(7, "c-7", "Oak <Prep>", "7", "HIGH", null, null, true),
            new Campus(9, "c-9", "Birch Middle", "9", "MIDDLE", null, null, true));

    private final CampusOptions options = new CampusOptions();

    @Test
    void eachScopeAndChoiceHasItsOwnOptions() {
        assertThat(options.html(CAMPUSES, null, null))
                .isEqualTo("<option value=\"7\">Oak &lt;Prep&gt;</option><option value=\"9\">Birch Middle</option>");
        assertThat(options.html(CAMPUSES, Set.of(9L), null)).isEqualTo("<option value=\"9\">Birch Middle</option>");
        assertThat(options.html(CAMPUSES, null, 9L)).contains("<option value=\"9\" selected>");
        assertThat(options.html(CAMPUSES, null, null)).doesNotContain("selected");
    }

    @Test
    void aChangedCampusListIsWrittenAfresh() {
        assertThat(options.html(CAMPUSES, null, null)).contains("Birch Middle");

        var renamed = List.of(new Campus(9, "c-9", "Birch Academy", "9", "MIDDLE", null, null, true));
        assertThat(options.html(renamed, null, null)).isEqualTo("<option value=\"9\">Birch Academy</option>");
    }
}
