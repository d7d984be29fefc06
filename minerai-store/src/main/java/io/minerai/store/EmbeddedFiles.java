package io.minerai.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * The embedded store's files: created readable by their owner only (folders 0700, files 0600), and checked before
 * SQLite opens them so that an empty, truncated or foreign file is refused rather than silently turned into a new,
 * empty store.
 */
final class EmbeddedFiles {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Set<PosixFilePermission> FILE_0600 = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_0700 = PosixFilePermissions.fromString("rwx------");
    /** The file of the H2 store that minerai used before the embedded store moved to SQLite. */
    static final String LEGACY_H2_FILE = "minerai.mv.db";

    private EmbeddedFiles() {}

    static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the folder and its missing parents; the folders created are 0700. */
    static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            createPrivateDirectories(parent);
        }
        try {
            if (posix(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_0700));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // made meanwhile
        }
    }

    /** Creates an empty file readable and writable by its owner only, unless it exists. */
    static void createPrivateFile(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            if (posix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_0600));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // made meanwhile
        }
    }

    /** Takes group and other permissions away from an existing file (a store made before files were 0600). */
    static void makePrivate(Path file) throws IOException {
        if (Files.exists(file) && posix(file)) {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
            if (!now.equals(FILE_0600) && !now.isEmpty()) {
                Files.setPosixFilePermissions(file, FILE_0600);
            }
        }
    }

    /**
     * Refuses a store file that cannot be a complete SQLite database: empty, shorter than its header says, or not
     * SQLite at all. (Damage inside the pages is found by SQLite's quick_check after opening.)
     */
    static void checkExisting(Path db) {
        long size;
        byte[] header = new byte[100];
        int read;
        try (InputStream in = Files.newInputStream(db)) {
            size = Files.size(db);
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new StoreRefusedException("cannot read the store file " + db + ": " + e.getMessage());
        }
        String keep = " It was left as it is; restore a backup (minerai store restore) or move the file away to"
                + " start a new, empty store.";
        if (size == 0) {
            throw new StoreRefusedException("the store file " + db + " is empty (0 bytes): it is not a minerai store"
                    + " and will not be replaced by a new one." + keep);
        }
        if (read < header.length || !Arrays.equals(Arrays.copyOf(header, SQLITE_MAGIC.length), SQLITE_MAGIC)) {
            throw new StoreRefusedException("the store file " + db + " (" + size + " bytes) is not an SQLite"
                    + " database: it is damaged or another program's file." + keep);
        }
        ByteBuffer h = ByteBuffer.wrap(header);
        int pageSize = Short.toUnsignedInt(h.getShort(16));
        long pageSizeBytes = pageSize == 1 ? 65_536 : pageSize;
        long changeCounter = Integer.toUnsignedLong(h.getInt(24));
        long pageCount = Integer.toUnsignedLong(h.getInt(28));
        long validFor = Integer.toUnsignedLong(h.getInt(92));
        // A checkpoint copies the write-ahead log into the file page by page, page 1 (with the new page count) first:
        // a crash in the middle leaves the file shorter than its header says while the log still holds every page.
        // SQLite finishes that checkpoint when it opens the store, and quick_check then finds any damage that is left,
        // so the header's page count is only trusted when there is no log with frames in it.
        if (validFor == changeCounter && pageCount > 0 && size < pageCount * pageSizeBytes && !walHoldsFrames(db)) {
            throw new StoreRefusedException("the store file " + db + " is truncated: " + size + " bytes, but its"
                    + " header says " + pageCount + " pages of " + pageSizeBytes + " bytes." + keep);
        }
    }

    /** Whether the store's write-ahead log exists and holds more than its 32-byte header. */
    private static boolean walHoldsFrames(Path db) {
        Path wal = db.resolveSibling(db.getFileName() + "-wal");
        try {
            return Files.isRegularFile(wal) && Files.size(wal) > 32;
        } catch (IOException e) {
            return false;
        }
    }
}
