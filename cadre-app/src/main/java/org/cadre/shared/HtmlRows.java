package org.cadre.shared;

/**
 * The rows of a page's busiest table, written as HTML in one pass. The template engine spends several attribute
 * processors and expression evaluations on every cell of every row, which made the people directory's 25-row table
 * about a fifth of its page's processor time; here each row costs a few appends. Every text
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
            escape(text.toString(), html);
        }
        return this;
    }

    /**
     * Appends a text with the five characters that HTML gives a meaning escaped ({@code & < > " '}), as the
     * template engine escapes; every other character is written as it is, the page being UTF-8. A table row is
     * mostly text that needs nothing, which this copies without looking each character up in the table of named
     * entities.
     */
    public static void escape(String text, StringBuilder out) {
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            var entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                out.append(text, from, i).append(entity);
                from = i + 1;
            }
        }
        out.append(text, from, text.length());
    }

    @Override
    public String toString() {
        return html.toString();
    }
}
