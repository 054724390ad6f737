package org.cadre.shared;

import org.springframework.web.util.HtmlUtils;

/**
 * The rows of a page's busiest table, written as HTML in one pass. The template engine spends several attribute
 * processors and expression evaluations on every cell of every row, which made the people directory's and the
 * caseload's 25-row tables half of their pages' processor time; here each row costs a few appends. Every text
 * and attribute value is HTML-escaped on the way in, so a template may insert the result unescaped
 * ({@code th:utext}). Only fixed markup is written unescaped.
 */
public final class HtmlRows {

    private final StringBuilder html;

    /** Room for about this many rows. */
    public HtmlRows(int rows) {
        this.html = new StringBuilder(Math.max(rows, 1) * 320);
    }

    /** Opens a row. */
    public HtmlRows row() {
        html.append("<tr>");
        return this;
    }

    /** Closes the row. */
    public HtmlRows endRow() {
        html.append("</tr>\n");
        return this;
    }

    /** A cell holding a text; {@code null} is an empty cell. */
    public HtmlRows cell(Object text) {
        html.append("<td>");
        text(text);
        html.append("</td>");
        return this;
    }

    /** Opens a cell whose content follows. */
    public HtmlRows cellStart() {
        html.append("<td>");
        return this;
    }

    /** Closes the cell opened by {@link #cellStart()}. */
    public HtmlRows cellEnd() {
        html.append("</td>");
        return this;
    }

    /** A link. */
    public HtmlRows link(String href, Object text) {
        html.append("<a href=\"");
        text(href);
        html.append("\">");
        text(text);
        html.append("</a>");
        return this;
    }

    /** A span with a class. */
    public HtmlRows span(String cssClass, Object text) {
        html.append("<span class=\"");
        text(cssClass);
        html.append("\">");
        text(text);
        html.append("</span>");
        return this;
    }

    /** A text; {@code null} writes nothing. */
    public HtmlRows text(Object text) {
        if (text != null) {
            html.append(HtmlUtils.htmlEscape(text.toString()));
        }
        return this;
    }

    @Override
    public String toString() {
        return html.toString();
    }
}
