package org.cadre.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.OnCommittedResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a bounded number of requests work at once and holds the others in arrival order. Every request runs on a
 * virtual thread of its own, so without a bound the machine's few cores are shared among all of them at once: each
 * request then waits its turn at every step (the processor, a connection, the database) and an unlucky one waits
 * at all of them, which is what made the slowest requests five to nine times as slow as the median. Admitted in
 * order, a request waits once, at the door, and then runs nearly undisturbed.
 *
 * <p>The bound is on work, not on talking to clients, so that slow clients cannot keep everyone else waiting:
 * uploads are let through unbounded (they spend their time receiving a body), and a request gives its place up as
 * soon as its response is committed, which for a page happens when it has been rendered and for a download (a
 * roster export, a CSV, a PDF) when the first buffer goes out. A request that has waited {@code maxWait} without
 * being admitted is answered 503 with {@code Retry-After}, so a stuck server says so instead of queueing without
 * end.
 */
final class RequestAdmission extends OncePerRequestFilter {

    private final Semaphore permits;
    private final long maxWaitNanos;

    RequestAdmission(int concurrentRequests, Duration maxWait) {
        if (concurrentRequests < 1) {
            throw new IllegalArgumentException("cadre.web.concurrent-requests must be at least 1");
        }
        this.permits = new Semaphore(concurrentRequests, true);
        this.maxWaitNanos = maxWait.toNanos();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isUpload(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean entered;
        try {
            entered = permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            response.setHeader("Retry-After", "1");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Cadre is busy; try again in a moment");
            return;
        }
        var admitted = new Admitted(response, permits);
        try {
            chain.doFilter(request, admitted);
        } finally {
            admitted.leave();
        }
    }

    /** A response that gives the request's place up once it is committed, or when the request ends. */
    private static final class Admitted extends OnCommittedResponseWrapper {

        private final Semaphore permits;
        private boolean left;

        Admitted(HttpServletResponse response, Semaphore permits) {
            super(response);
            this.permits = permits;
        }

        @Override
        protected void onResponseCommitted() {
            leave();
        }

        void leave() {
            if (!left) {
                left = true;
                permits.release();
            }
        }
    }

    /** How many requests are waiting to be admitted now. */
    int waiting() {
        return permits.getQueueLength();
    }

    private static boolean isUpload(HttpServletRequest request) {
        var type = request.getContentType();
        return type != null
                && type.regionMatches(
                        true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0, MediaType.MULTIPART_FORM_DATA_VALUE.length());
    }
}
