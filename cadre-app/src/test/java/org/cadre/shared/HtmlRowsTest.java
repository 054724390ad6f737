package org.cadre.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlRowsTest {

    @Test
    void everyTextAndAttributeValueIsEscaped() {
        var html = new HtmlRows(1)
                .row()
                .cellStart()
                .link("/people/1?a=\"><script>", "O'Neil & <b>Sons</b>")
                .cellEnd()
                .cellStart()
                .span("badge\" onclick=\"x", "<i>left</i>")
                .cellEnd()
                .cell("\"quoted\"")
                .endRow()
                .toString();

        assertThat(html)
                .isEqualTo(
                        "<tr><td><a href=\"/people/1?a=&quot;&gt;&lt;script&gt;\">O&#39;Neil &amp; &lt;b&gt;Sons&lt;/b&gt;</a></td>"
                                + "<td><span class=\"badge&quot; onclick=&quot;x\">&lt;i&gt;left&lt;/i&gt;</span></td>"
                                + "<td>&quot;quoted&quot;</td></tr>\n");
    }

    @Test
    void missingValuesAreEmptyCellsAndNumbersAreWrittenAsText() {
        assertThat(new HtmlRows(1).row().cell(null).cell(42).endRow().toString())
                .isEqualTo("<tr><td></td><td>42</td></tr>\n");
    }

    @Test
    void onlyTheCharactersHtmlGivesAMeaningAreEscaped() {
        assertThat(new HtmlRows(1)
                        .text("Draft · Proficient — São Paulo, 5 > 4 & 'x'")
                        .toString())
                .isEqualTo("Draft · Proficient — São Paulo, 5 &gt; 4 &amp; &#39;x&#39;");
    }

    @Test
    void noRowsIsNothing() {
        assertThat(new HtmlRows(0).toString()).isEmpty();
    }
}
