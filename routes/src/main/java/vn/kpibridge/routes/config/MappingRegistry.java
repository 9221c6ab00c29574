package vn.kpibridge.routes.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.kpibridge.connectors.config.CatalogVersions;
import vn.kpibridge.connectors.config.MappingFileException;
import vn.kpibridge.connectors.config.MappingFiles;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.mapping.IdentityMap;
import vn.kpibridge.connectors.mapping.ProductRuleEngine;
import vn.kpibridge.connectors.source.RecordNormalizer;
import vn.kpibridge.scoring.Catalog;
import vn.kpibridge.scoring.Scheme;

/**
 * Every source the administrators configured under {@code mappings/sources/}, with its catalog,
 * product rules, identity map and scheme.
 *
 * <p>Loaded at start-up: a file that does not load stops the start with its file, line and reason
 * (a wrong mapping must not score anyone). Reloaded when the files change (issue 4 point 9):
 * {@link #reloadIfChanged()}, called every {@code kpi.mappings.reload-interval-ms} by the route
 * {@code mappings-reload} ({@link MappingsReloadRouteBuilder}), compares the modification time
 * and size of every file under the mappings folder and every scheme file with those of the
 * loaded version and, when one changed, loads them all again. A broken edit keeps the last good
 * version running: the error is logged at ERROR with {@code file:line: reason} (once per edit,
 * not at every poll) and shown by {@link #status()} ({@code GET /api/v1/mappings/status}) until a
 * later edit loads.
 *
 * <p>Callers always see one consistent version: everything loaded together is one immutable
 * {@link Snapshot}, swapped atomically. {@link #source(String)} and {@link #sources()} read the
 * current one; a caller that needs several sources of one version takes {@link #snapshot()} once.
 * Thread-safe.
 */
@Component
public class MappingRegistry {
    private static final Logger log = LoggerFactory.getLogger(MappingRegistry.class);

    /**
     * Everything needed to take in one source's records.
     *
     * @param mapping the source mapping file
     * @param normalizer normaliser built from its field map
     * @param catalog the catalog versions
     * @param rules the product rules
     * @param identities source user -> employee
     * @param scheme the scoring scheme
     */
    public record SourceSetup(SourceMapping mapping, RecordNormalizer normalizer, CatalogVersions catalog,
            ProductRuleEngine rules, IdentityMap identities, Scheme scheme) {
    }

    /**
     * Modification time and size of one file, as the reload check compares them.
     *
     * @param modifiedMillis last modification, epoch milliseconds
     * @param size size in bytes
     */
    public record FileStamp(long modifiedMillis, long size) {
    }

    /**
     * One loaded version of the mapping files. Immutable.
     *
     * @param sources setups by source id, in file order
     * @param loadedAt when the files were loaded
     * @param files every file of the mappings folder and every scheme file, with the stamp it had
     *     just before loading
     */
    public record Snapshot(Map<String, SourceSetup> sources, Instant loadedAt, Map<Path, FileStamp> files) {
        /** Copies the maps (sources keep their file order). */
        public Snapshot {
            sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
            files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
        }
    }

    /**
     * The last reload status, as {@code GET /api/v1/mappings/status} serves it.
     *
     * @param state "OK" when the files on disk are the ones running, "ERROR" when the last edit
     *     did not load and the previous version keeps running
     * @param loadedAt when the running version was loaded
     * @param sources source ids of the running version
     * @param files files of the running version, relative to their folder's parent
     *     ("mappings/rules/x.yml", "schemes/y.yml")
     * @param reloads successful reloads since start-up
     * @param lastCheckAt the last time the files were compared, or null before the first check
     * @param lastError {@code file:line: reason} of the edit that did not load, or null
     * @param lastErrorAt when it was found, or null
     */
    public record Status(String state, Instant loadedAt, List<String> sources, List<String> files, long reloads,
            Instant lastCheckAt, String lastError, Instant lastErrorAt) {
    }

    /** A failed reload: its error and the file stamps it was tried with. */
    private record Failure(String error, Instant at, Map<Path, FileStamp> files) {
    }

    private final Path mappings;
    private final Path schemes;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private volatile Failure lastFailure;
    private volatile Instant lastCheckAt;
    private volatile long reloads;

    /**
     * Loads the files for start-up.
     *
     * @param props the kpi properties (mappings and schemes folders)
     * @throws MappingFileException when a mapping, catalog, rule, identity or scheme file is invalid
     * @throws IllegalStateException when the mappings folder has no source
     * @throws IOException when a folder cannot be listed
     */
    public MappingRegistry(KpiProperties props) throws IOException {
        this.mappings = props.mappingsPath();
        this.schemes = props.schemesPath();
        current.set(load());
    }

    /** @return the version running now; one consistent set of sources */
    public Snapshot snapshot() {
        return current.get();
    }

    /** @return the setup of a source id in the running version, if configured. */
    public Optional<SourceSetup> source(String sourceId) {
        return Optional.ofNullable(current.get().sources().get(sourceId));
    }

    /** @return all configured sources of the running version by id, in file order. */
    public Map<String, SourceSetup> sources() {
        return current.get().sources();
    }

    /**
     * Loads the files again when one was added, removed or changed since the running version was
     * loaded (modification time or size). On success the new version replaces the running one at
     * once; on failure the running version stays, the error is logged at ERROR and kept for
     * {@link #status()}. An edit that failed is not tried again until a file changes again.
     *
     * @return true when a new version was loaded
     */
    public synchronized boolean reloadIfChanged() {
        Instant now = Instant.now();
        lastCheckAt = now;
        Map<Path, FileStamp> stamps;
        try {
            stamps = stamps();
        } catch (IOException | UncheckedIOException e) {
            fail("cannot list the mapping files: " + e.getMessage(), now, Map.of());
            return false;
        }
        Snapshot running = current.get();
        Failure failed = lastFailure;
        if (stamps.equals(running.files())) {
            if (failed != null) {
                log.info("Mapping files are back to the running version (loaded at {}); the earlier error is cleared",
                        running.loadedAt());
                lastFailure = null;
            }
            return false;
        }
        if (failed != null && stamps.equals(failed.files())) {
            return false;
        }
        try {
            Snapshot next = load();
            current.set(next);
            lastFailure = null;
            reloads++;
            log.info("Mapping files reloaded ({} files changed): sources {}", changed(running.files(), next.files()),
                    next.sources().keySet());
            return true;
        } catch (MappingFileException | IllegalStateException | IllegalArgumentException | IOException
                | UncheckedIOException e) {
            fail(e.getMessage(), now, stamps);
            return false;
        }
    }

    private void fail(String error, Instant at, Map<Path, FileStamp> stamps) {
        lastFailure = new Failure(error, at, stamps);
        log.error("Mapping files NOT reloaded, the version loaded at {} keeps running: {}", current.get().loadedAt(),
                error);
    }

    /** @return the last reload status (see {@link Status}) */
    public Status status() {
        Snapshot s = current.get();
        Failure f = lastFailure;
        List<String> files = s.files().keySet().stream().map(this::display).toList();
        return new Status(f == null ? "OK" : "ERROR", s.loadedAt(), List.copyOf(s.sources().keySet()), files, reloads,
                lastCheckAt, f == null ? null : f.error(), f == null ? null : f.at());
    }

    private String display(Path p) {
        for (Path root : List.of(mappings, schemes)) {
            Path r = root.toAbsolutePath().normalize();
            if (p.startsWith(r)) {
                return r.getFileName().resolve(r.relativize(p)).toString().replace('\\', '/');
            }
        }
        return p.toString();
    }

    private static long changed(Map<Path, FileStamp> before, Map<Path, FileStamp> after) {
        java.util.Set<Path> all = new java.util.HashSet<>(before.keySet());
        all.addAll(after.keySet());
        return all.stream().filter(p -> !java.util.Objects.equals(before.get(p), after.get(p))).count();
    }

    /** Every regular file under the mappings folder and every scheme file, with its stamp. */
    private Map<Path, FileStamp> stamps() throws IOException {
        Map<Path, FileStamp> out = new TreeMap<>();
        for (Path root : List.of(mappings, schemes)) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.toList()) {
                    BasicFileAttributes a;
                    try {
                        a = Files.readAttributes(p, BasicFileAttributes.class);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        continue; // removed while listing: the next check sees the folder as it is
                    }
                    if (a.isRegularFile()) {
                        out.put(p.toAbsolutePath().normalize(), new FileStamp(a.lastModifiedTime().toMillis(), a.size()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Loads one source with its catalog, rules, identities and scheme, as the application does,
     * without starting anything (for the {@code mappings explain} command).
     *
     * @param mappings the mappings folder
     * @param schemes the schemes folder
     * @param sourceId the source id
     * @return the setup of that source
     * @throws MappingFileException when one of its files is invalid
     * @throws IllegalArgumentException when no source file has this id (the message lists the ids)
     * @throws IOException when the sources folder cannot be listed
     */
    public static SourceSetup loadSource(Path mappings, Path schemes, String sourceId) throws IOException {
        MappingFiles files = new MappingFiles();
        List<String> ids = new ArrayList<>();
        try (Stream<Path> s = Files.list(mappings.resolve("sources"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted()
                    .toList()) {
                SourceMapping m = files.loadSource(f);
                if (sourceId.equals(m.id())) {
                    return setup(f, m, mappings, schemes, files, files::loadCatalog);
                }
                ids.add(m.id());
            }
        }
        throw new IllegalArgumentException("no source mapping with id \"" + sourceId + "\" in "
                + mappings.resolve("sources") + " (configured: " + String.join(", ", ids) + ")");
    }

    private static SourceSetup setup(Path f, SourceMapping m, Path mappings, Path schemes, MappingFiles files,
            java.util.function.Function<Path, CatalogVersions> catalogs) {
        CatalogVersions catalog = catalogs.apply(mappings.resolve(m.catalog()).normalize());
        RecordNormalizer normalizer;
        try {
            normalizer = new RecordNormalizer(m);
        } catch (IllegalArgumentException e) {
            throw new MappingFileException(f.toString(), 0, e.getMessage(), e);
        }
        return new SourceSetup(m, normalizer, catalog, files.loadRules(mappings.resolve(m.productRules())),
                files.loadIdentities(mappings.resolve(m.identities())), files.loadScheme(schemes.resolve(m.scheme() + ".yml")));
    }

    /** Loads every source with its files; the whole set or nothing. */
    private Snapshot load() throws IOException {
        Map<Path, FileStamp> stamps = stamps();
        Instant loadedAt = Instant.now();
        MappingFiles files = new MappingFiles();
        Map<Path, CatalogVersions> catalogs = new java.util.HashMap<>();
        Map<String, SourceSetup> sources = new LinkedHashMap<>();
        Path sourcesDir = mappings.resolve("sources");
        if (!Files.isDirectory(sourcesDir)) {
            throw new IllegalStateException("no source mappings: folder " + sourcesDir.toAbsolutePath()
                    + " does not exist (set kpi.mappings-dir)");
        }
        List<Path> sourceFiles;
        try (Stream<Path> s = Files.list(sourcesDir)) {
            sourceFiles = s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<String> loaded = new ArrayList<>();
        for (Path f : sourceFiles) {
            SourceMapping m = files.loadSource(f);
            if (m.id() == null || m.id().isBlank()) {
                throw new MappingFileException(f.toString(), 0, "source mapping has no id", null);
            }
            // several sources may share a catalog: load (and warn about) each file once
            CatalogVersions catalog = catalogs.computeIfAbsent(mappings.resolve(m.catalog()).normalize(), p -> {
                CatalogVersions c = files.loadCatalog(p);
                for (Catalog v : c.versions()) {
                    v.inconsistencies().forEach(w -> log.warn("Catalog {} v{}: {}", v.id(), v.version(), w));
                }
                return c;
            });
            SourceSetup setup = setup(f, m, mappings, schemes, files, p -> catalog);
            if (sources.put(m.id(), setup) != null) {
                throw new MappingFileException(f.toString(), 0, "duplicate source id " + m.id(), null);
            }
            loaded.add(String.format("Source %s loaded: catalog %s (%d versions), %d rules, %d identities, scheme %s",
                    m.id(), catalog.id(), catalog.versions().size(), setup.rules().rules().size(),
                    setup.identities().bySourceUser().size(), setup.scheme().id()));
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("no source mappings in " + sourcesDir.toAbsolutePath());
        }
        loaded.forEach(log::info);
        return new Snapshot(sources, loadedAt, stamps);
    }
}
