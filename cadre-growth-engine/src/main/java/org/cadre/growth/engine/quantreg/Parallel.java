package org.cadre.growth.engine.quantreg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a fixed list of independent tasks on up to {@code threads} threads. The work is split the
 * same way whatever the thread count, so results never depend on it.
 */
public final class Parallel {

    /** Rows per block for row-parallel loops; fixed so reductions add blocks in the same order. */
    public static final int BLOCK_ROWS = 16_384;

    /** A block of rows {@code [from, to)}, the {@code block}-th of the loop. */
    @FunctionalInterface
    public interface RowBlock {
        void run(int block, int from, int to);
    }

    private Parallel() {}

    /** Runs the tasks, in list order when one thread is used. */
    public static void run(int threads, List<Runnable> tasks) {
        if (threads <= 1 || tasks.size() <= 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), runnable -> {
            Thread thread = new Thread(runnable, "growth-engine");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable task : tasks) {
                futures.add(pool.submit(task));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Number of blocks {@link #forBlocks} splits {@code rows} into. */
    public static int blockCount(int rows) {
        return Math.max(1, (rows + BLOCK_ROWS - 1) / BLOCK_ROWS);
    }

    /** Runs {@code body} over consecutive blocks of {@link #BLOCK_ROWS} rows. */
    public static void forBlocks(int threads, int rows, RowBlock body) {
        int blocks = blockCount(rows);
        int workers = Math.max(1, Math.min(threads, blocks));
        List<Runnable> tasks = new ArrayList<>();
        for (int worker = 0; worker < workers; worker++) {
            int first = worker;
            tasks.add(() -> {
                for (int block = first; block < blocks; block += workers) {
                    int from = block * BLOCK_ROWS;
                    body.run(block, from, Math.min(rows, from + BLOCK_ROWS));
                }
            });
        }
        run(workers, tasks);
    }
}
