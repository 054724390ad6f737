package org.cadre.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as the REST API returns it.
 *
 * @param items the items on this page
 * @param page the zero-based page number
 * @param size the page size asked for
 * @param totalItems how many items match in all
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems) {

    public int totalPages() {
        return size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, totalItems);
    }
}
