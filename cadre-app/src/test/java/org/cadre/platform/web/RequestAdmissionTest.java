package org.cadre.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Requests beyond the bound wait in arrival order; slow clients never hold a place. */
class RequestAdmissionTest {

    @Test
    void aRequestBeyondTheBoundWaitsUntilAPlaceIsFree() throws Exception {
        var admission = new RequestAdmission(1, Duration.ofSeconds(10));
        var firstInside = new CountDownLatch(1);
        var firstMayFinish = new CountDownLatch(1);
        var finished = Collections.synchronizedList(new ArrayList<String>());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            threads.submit(() -> {
                admission.doFilter(get("/a"), new MockHttpServletResponse(), (req, res) -> {
                    firstInside.countDown();
                    await(firstMayFinish);
                    finished.add("first");
                });
                return null;
            });
            assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
            var second = threads.submit(() -> {
                admission.doFilter(get("/b"), new MockHttpServletResponse(), (req, res) -> finished.add("second"));
                return null;
            });
            waitUntil(() -> admission.waiting() == 1);
            assertThat(finished).isEmpty();

            firstMayFinish.countDown();
            second.get(5, TimeUnit.SECONDS);
        }
        assertThat(finished).containsExactly("first", "second");
    }

    @Test
    void waitingRequestsAreAdmittedInArrivalOrder() throws Exception {
        var admission = new RequestAdmission(1, Duration.ofSeconds(10));
        var order = Collections.synchronizedList(new ArrayList<Integer>());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var holder = holdThePlace(admission, threads, "/hold");
            for (int i = 1; i <= 5; i++) {
                int n = i;
                threads.submit(() -> {
                    admission.doFilter(get("/" + n), new MockHttpServletResponse(), (req, res) -> order.add(n));
                    return null;
                });
                waitUntil(() -> admission.waiting() == n);
            }
            holder.finish();
        }
        assertThat(order).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aRequestThatCannotBeAdmittedInTimeIsToldTheServerIsBusy() throws Exception {
        var admission = new RequestAdmission(1, Duration.ofMillis(50));
        var refused = new MockHttpServletResponse();
        var reached = new ArrayList<String>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var holder = holdThePlace(admission, threads, "/hold");
            admission.doFilter(get("/late"), refused, (req, res) -> reached.add("late"));
            holder.finish();
        }
        assertThat(reached).isEmpty();
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void aDownloadGivesItsPlaceUpOnceItsResponseIsCommitted() throws Exception {
        var admission = new RequestAdmission(1, Duration.ofMillis(200));
        var streaming = new CountDownLatch(1);
        var clientDone = new CountDownLatch(1);
        var other = new MockHttpServletResponse();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            threads.submit(() -> {
                var response = new MockHttpServletResponse();
                response.setBufferSize(16);
                admission.doFilter(get("/export"), response, (req, res) -> {
                    res.getOutputStream().write(new byte[64]); // past the buffer: the response is committed
                    streaming.countDown();
                    await(clientDone); // a slow client still reading
                });
                return null;
            });
            assertThat(streaming.await(5, TimeUnit.SECONDS)).isTrue();
            admission.doFilter(
                    get("/page"), other, (req, res) -> res.getWriter().write("served"));
            clientDone.countDown();
        }
        assertThat(other.getStatus()).isEqualTo(200);
        assertThat(other.getContentAsString()).isEqualTo("served");
    }

    @Test
    void uploadsAreNotBounded() throws Exception {
        var admission = new RequestAdmission(1, Duration.ofMillis(50));
        var uploading = new CountDownLatch(1);
        var uploadMayFinish = new CountDownLatch(1);
        var page = new MockHttpServletResponse();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            threads.submit(() -> {
                var upload = new MockHttpServletRequest("POST", "/admin/roster/imports");
                upload.setContentType("multipart/form-data; boundary=x");
                admission.doFilter(upload, new MockHttpServletResponse(), (req, res) -> {
                    uploading.countDown();
                    await(uploadMayFinish);
                });
                return null;
            });
            assertThat(uploading.await(5, TimeUnit.SECONDS)).isTrue();
            admission.doFilter(get("/page"), page, (req, res) -> res.getWriter().write("served"));
            uploadMayFinish.countDown();
        }
        assertThat(page.getContentAsString()).isEqualTo("served");
    }

    @Test
    void aFailingRequestGivesItsPlaceUpToo() throws Exception {
        var admission = new RequestAdmission(1, Duration.ofMillis(50));
        FilterChain failing = (req, res) -> {
            throw new IllegalStateException("boom");
        };
        assertThatThrownBy(() -> admission.doFilter(get("/fails"), new MockHttpServletResponse(), failing))
                .hasMessage("boom");
        var next = new MockHttpServletResponse();
        admission.doFilter(get("/next"), next, (req, res) -> res.getWriter().write("served"));
        assertThat(next.getContentAsString()).isEqualTo("served");
    }

    /** A request admitted and kept working until {@link Holder#finish()}. */
    private record Holder(CountDownLatch mayFinish) {
        void finish() {
            mayFinish.countDown();
        }
    }

    private static Holder holdThePlace(RequestAdmission admission, ExecutorService threads, String path)
            throws InterruptedException {
        var inside = new CountDownLatch(1);
        var mayFinish = new CountDownLatch(1);
        threads.submit(() -> {
            admission.doFilter(get(path), new MockHttpServletResponse(), (req, res) -> {
                inside.countDown();
                await(mayFinish);
            });
            return null;
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        return new Holder(mayFinish);
    }

    private static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 5 s");
            }
            Thread.sleep(5);
        }
    }
}
