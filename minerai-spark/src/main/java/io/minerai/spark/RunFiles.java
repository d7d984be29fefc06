package io.minerai.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * The files of a sweep's run directory, on the driver and on the workers. Files are named by URI strings
 * ({@code file:/...}, {@code hdfs://...}, {@code s3a://...}). Local files go through {@code java.nio} and Parquet's
 * local streams: Hadoop's local file system runs a {@code chmod} process for every file and directory it creates
 * (without Hadoop's native library) and writes a {@code .crc} file beside each. Every other scheme goes through
 * Hadoop's {@link FileSystem} with the session's Hadoop configuration. Serializable: it travels with the partition
 * function.
 */
sealed interface RunFiles extends Serializable {
    /** The files for run directories under {@code base}: local for a {@code file:} URI, else Hadoop's. */
    static RunFiles of(String base, Configuration hadoop) {
        String scheme = new org.apache.hadoop.fs.Path(base).toUri().getScheme();
        return scheme == null || scheme.equals("file")
                ? new Local()
                : new Hadoop(new org.apache.spark.util.SerializableConfiguration(hadoop));
    }

    /** {@code name} inside directory {@code dir}. */
    static String child(String dir, String name) {
        return new org.apache.hadoop.fs.Path(dir, name).toString();
    }

    /** The Hadoop configuration Parquet's writer and reader take. */
    Configuration configuration();

    /**
     * A new file (replaced if it exists) for Parquet's writer. Its folder must exist: a worker never creates folders,
     * so a task still running after its sweep failed cannot bring back a run directory the driver removed.
     */
    OutputFile output(String file) throws IOException;

    /** Creates folder {@code dir} and its parents. */
    void mkdirs(String dir) throws IOException;

    /** An existing file for Parquet's reader. */
    InputFile input(String file) throws IOException;

    boolean exists(String path) throws IOException;

    /** Renames {@code from} to {@code to}; false if {@code to} exists already (then nothing changes). */
    boolean rename(String from, String to) throws IOException;

    /** Removes {@code path} and everything under it, if it exists. */
    void delete(String path) throws IOException;

    /** Creates the empty file {@code file} (replaced if it exists). */
    void touch(String file) throws IOException;

    /** Local files, through {@code java.nio}. */
    record Local() implements RunFiles {
        private static final long serialVersionUID = 1L;

        private static Path path(String uri) {
            URI u = new org.apache.hadoop.fs.Path(uri).toUri();
            return u.getScheme() == null ? Path.of(u.getPath()) : Path.of(u);
        }

        @Override
        public Configuration configuration() {
            return new Configuration(false);
        }

        @Override
        public OutputFile output(String file) throws IOException {
            Path p = path(file);
            Path parent = p.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new NoSuchFileException(parent.toString(), null, "the sweep's folder is gone");
            }
            return new LocalOutputFile(p);
        }

        @Override
        public void mkdirs(String dir) throws IOException {
            Files.createDirectories(path(dir));
        }

        @Override
        public InputFile input(String file) {
            return new LocalInputFile(path(file));
        }

        @Override
        public boolean exists(String file) {
            return Files.exists(path(file));
        }

        @Override
        public boolean rename(String from, String to) throws IOException {
            try {
                Files.move(path(from), path(to));
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }

        @Override
        public void delete(String file) throws IOException {
            Path root = path(file);
            if (!Files.exists(root)) {
                return;
            }
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    try {
                        Files.delete(p);
                    } catch (NoSuchFileException e) {
                        // gone already
                    }
                }
            }
        }

        @Override
        public void touch(String file) throws IOException {
            Files.write(path(file), new byte[0]);
        }
    }

    /** Any file system Hadoop knows (HDFS, S3A, ...), with the session's Hadoop configuration. */
    record Hadoop(org.apache.spark.util.SerializableConfiguration conf) implements RunFiles {
        private static final long serialVersionUID = 1L;

        private FileSystem fs(org.apache.hadoop.fs.Path p) throws IOException {
            return p.getFileSystem(conf.value());
        }

        @Override
        public Configuration configuration() {
            return conf.value();
        }

        @Override
        public OutputFile output(String file) throws IOException {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
            org.apache.hadoop.fs.Path parent = p.getParent();
            if (parent != null && !fs(p).exists(parent)) { // Hadoop's create would make it again
                throw new java.io.FileNotFoundException(parent + ": the sweep's folder is gone");
            }
            return HadoopOutputFile.fromPath(p, conf.value());
        }

        @Override
        public void mkdirs(String dir) throws IOException {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
            if (!fs(p).mkdirs(p)) {
                throw new IOException("could not create " + dir);
            }
        }

        @Override
        public InputFile input(String file) throws IOException {
            return HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file), conf.value());
        }

        @Override
        public boolean exists(String file) throws IOException {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
            return fs(p).exists(p);
        }

        @Override
        public boolean rename(String from, String to) throws IOException {
            org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(from);
            org.apache.hadoop.fs.Path dst = new org.apache.hadoop.fs.Path(to);
            FileSystem fs = fs(src);
            if (fs.exists(dst)) {
                return false;
            }
            if (!fs.rename(src, dst)) {
                if (fs.exists(dst)) {
                    return false;
                }
                throw new IOException("could not rename " + from + " to " + to);
            }
            return true;
        }

        @Override
        public void delete(String file) throws IOException {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
            fs(p).delete(p, true);
        }

        @Override
        public void touch(String file) throws IOException {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
            fs(p).create(p, true).close();
        }
    }
}
