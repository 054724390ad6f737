package org.cadre.organization.web;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.cadre.shared.HtmlRows;

/**
 * The people directory's filter options (a network's 56 campuses, the roles), written here rather than by the
 * template engine, which spent three attribute processors on each option of every visit, about a sixth of the
 * page's rendering. Every value and label is HTML-escaped here; the template inserts the result unescaped.
 */
final class SelectOptions {

    static <T> String html(List<T> items, Function<T, ?> value, Function<T, String> label, Object selected) {
        var html = new StringBuilder(items.size() * 48);
        for (var item : items) {
            var itemValue = value.apply(item);
            html.append("<option value=\"");
            HtmlRows.escape(String.valueOf(itemValue), html);
            html.append('"');
            if (selected != null && Objects.equals(String.valueOf(selected), String.valueOf(itemValue))) {
                html.append(" selected");
            }
            html.append('>');
            HtmlRows.escape(label.apply(item), html);
            html.append("</option>");
        }
        return html.toString();
    }

    private SelectOptions() {}
}
