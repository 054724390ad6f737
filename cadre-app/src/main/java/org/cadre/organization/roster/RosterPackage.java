package org.cadre.organization.roster;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of one OneRoster package, read one at a time as streams: a zip read entry by entry (never
 * extracted to disk, so no entry name can escape anywhere), or a folder of CSV files. Every byte read counts
 * against the configured size limit, whatever sizes a zip declares, so a zip bomb stops at the limit.
 */
abstract sealed class RosterPackage implements Closeable {

    private final String name;
    private final long maxBytes;
    private long bytesRead;
    /** The most bytes read of each file so far. */
    private final Map<String, Long> readBefore = new HashMap<>();

    RosterPackage(String name, long maxBytes) {
        this.name = name;
        this.maxBytes = maxBytes;
    }

    /** A zip or a folder, whichever the path is. */
    static RosterPackage open(Path path, long maxBytes, ImportReport report) throws IOException {
        if (Files.isDirectory(path)) {
            return new Folder(path, maxBytes);
        }
        return new Zip(path, path.getFileName().toString(), maxBytes, report);
    }

    /** A zip stored at {@code path} under a name of its own (the uploaded file's name, for the report). */
    static RosterPackage zip(Path path, String name, long maxBytes, ImportReport report) throws IOException {
        return new Zip(path, name, maxBytes, report);
    }

    String name() {
        return name;
    }

    /** The names of the package's files, such as {@code users.csv}. */
    abstract Set<String> fileNames();

    /** The sum of the files' sizes, for the progress bar; a zip may lie about it, the limit still holds. */
    long declaredBytes() {
        return fileNames().stream()
                .mapToLong(f -> Math.max(0, declaredBytes(f)))
                .sum();
    }

    /** The file's size as the folder or the zip declares it, -1 when unknown; the limit still holds. */
    abstract long declaredBytes(String fileName);

    abstract InputStream openRaw(String fileName) throws IOException;

    /**
     * The file's bytes, counted against the size limit; empty if the package has no such file. A file read again
     * counts only the bytes it reads beyond its earlier readings.
     */
    Optional<InputStream> open(String fileName) throws IOException {
        if (!fileNames().contains(fileName)) {
            return Optional.empty();
        }
        return Optional.of(new Counted(fileName, openRaw(fileName)));
    }

    /** The bytes read so far; files may be read on two threads at once. */
    synchronized long bytesRead() {
        return bytesRead;
    }

    /** Thrown when the package is larger than the configured limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("The package is larger than the limit of " + limit / (1024 * 1024)
                    + " MiB once unpacked (cadre.roster.max-package-bytes)");
        }
    }

    private final class Counted extends FilterInputStream {

        private final String fileName;
        private long read;

        Counted(String fileName, InputStream in) {
            super(in);
            this.fileName = fileName;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws TooLarge {
            synchronized (RosterPackage.this) {
                countRead(n);
            }
        }

        private void countRead(long n) throws TooLarge {
            read += n;
            long before = readBefore.getOrDefault(fileName, 0L);
            if (read <= before) {
                return;
            }
            bytesRead += read - before;
            readBefore.put(fileName, read);
            if (bytesRead > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }
    }

    static final class Folder extends RosterPackage {

        private final Map<String, Path> files = new LinkedHashMap<>();

        Folder(Path folder, long maxBytes) throws IOException {
            super(
                    folder.getFileName() == null
                            ? folder.toString()
                            : folder.getFileName().toString(),
                    maxBytes);
            try (var listing = Files.list(folder)) {
                for (var file : listing.sorted().toList()) {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        files.put(file.getFileName().toString(), file);
                    }
                }
            }
        }

        @Override
        Set<String> fileNames() {
            return files.keySet();
        }

        @Override
        long declaredBytes(String fileName) {
            var file = files.get(fileName);
            try {
                return file == null ? -1 : Files.size(file);
            } catch (IOException e) {
                // A file that cannot be sized is reported when it is read.
                return -1;
            }
        }

        @Override
        InputStream openRaw(String fileName) throws IOException {
            return Files.newInputStream(files.get(fileName));
        }

        @Override
        public void close() {}
    }

    static final class Zip extends RosterPackage {

        private static final int MAX_ENTRIES = 200;

        private final ZipFile zip;
        private final Map<String, ZipEntry> entries = new LinkedHashMap<>();

        Zip(Path path, String name, long maxBytes, ImportReport report) throws IOException {
            super(name, maxBytes);
            try {
                this.zip = new ZipFile(path.toFile());
            } catch (IOException e) {
                throw new IOException("The upload is not a readable zip file", e);
            }
            int count = 0;
            var all = zip.entries();
            while (all.hasMoreElements()) {
                var entry = all.nextElement();
                if (++count > MAX_ENTRIES) {
                    zip.close();
                    throw new IOException("The zip holds more than " + MAX_ENTRIES
                            + " entries; a OneRoster package has at most a few dozen files");
                }
                var entryName = entry.getName().replace('\\', '/');
                if (entryName.startsWith("/")
                        || entryName.contains("../")
                        || entryName.startsWith("..")
                        || entryName.contains(":")
                        || entryName.indexOf('\0') >= 0) {
                    report.error(
                            entry.getName(),
                            null,
                            null,
                            null,
                            "The zip entry's path is not allowed (absolute or leaving the package); it was not read");
                    continue;
                }
                if (entry.isDirectory() || entryName.startsWith("__MACOSX/")) {
                    continue;
                }
                // Files may sit at the root or in one folder (a zipped folder); only the file name counts.
                var baseName = entryName.substring(entryName.lastIndexOf('/') + 1);
                if (baseName.startsWith(".")) {
                    continue;
                }
                if (entries.putIfAbsent(baseName, entry) != null) {
                    report.error(entry.getName(), null, null, null, "The zip holds two files named " + baseName);
                }
            }
        }

        @Override
        Set<String> fileNames() {
            return entries.keySet();
        }

        @Override
        long declaredBytes(String fileName) {
            var entry = entries.get(fileName);
            return entry == null ? -1 : entry.getSize();
        }

        @Override
        InputStream openRaw(String fileName) throws IOException {
            return zip.getInputStream(entries.get(fileName));
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
